using IaCBot.Core.Vcs;
using Octokit;
using Octokit.Internal;
using CommitStatus = IaCBot.Core.Vcs.CommitStatus;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>GitHub's REST API through Octokit, on the HTTP handler the server gives it (with its retries).</summary>
internal sealed class GitHubVcsClient : IVcsClient
{
    // GitHub refuses a comment body over 65536 characters.
    private const int CommentLimit = 65_536;

    // GitHub refuses a status description over 140 characters.
    private const int StatusDescriptionLimit = 140;

    private readonly GitHubClient _client;
    private readonly TimeProvider _time;
    private readonly InstallationCredentialStore? _installations;

    /// <param name="appTokens">The App's installation tokens when IaCBot acts as a GitHub App; null to use <see cref="GitHubSettings.Token"/>.</param>
    public GitHubVcsClient(GitHubSettings settings, Func<HttpMessageHandler> handler, TimeProvider time, GitHubAppTokens? appTokens = null)
    {
        _installations = appTokens is null ? null : new InstallationCredentialStore(appTokens);
        var credentials = settings.Token is { Length: > 0 } token ? new Credentials(token) : Credentials.Anonymous;
        var connection = new Connection(
            new ProductHeaderValue("IaCBot"),
            settings.ApiUrl,
            _installations ?? (ICredentialStore)new InMemoryCredentialStore(credentials),
            new UnboundedCallHttpClient(handler),
            new SimpleJsonSerializer());
        _client = new GitHubClient(connection);
        _time = time;
    }

    public int MaxCommentLength(RepoId repo) => CommentLimit;

    public Task<PullRequestInfo> GetPullRequestAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        CallAsync(For(pull.Repo), $"get pull request {pull}", async () =>
            GitHubMapping.ToPullRequestInfo(pull.Repo, await _client.PullRequest.Get(pull.Repo.Owner, pull.Repo.Name, pull.Number)),
            cancellationToken);

    /// <remarks>GitHub answers 422 for a ref the repository does not have, and takes a branch, a tag or a SHA alike.</remarks>
    /// <seealso href="https://docs.github.com/en/rest/commits/commits#get-a-commit"/>
    public Task<RefCommit> ResolveRefAsync(RepoId repo, string gitRef, CancellationToken cancellationToken) =>
        CallAsync(For(repo), $"find {gitRef} in {repo}", async () =>
        {
            var commit = await _client.Repository.Commit.Get(repo.Owner, repo.Name, gitRef);
            var repository = await _client.Repository.Get(repo.Owner, repo.Name);
            return new RefCommit(commit.Sha, repository.CloneUrl);
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListChangedFilesAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>(For(pull.Repo), $"list the files of {pull}", async () =>
        {
            var files = await _client.PullRequest.Files(pull.Repo.Owner, pull.Repo.Name, pull.Number, new ApiOptions { PageSize = 100 });
            return files
                .SelectMany(f => f.PreviousFileName is { Length: > 0 } previous ? new[] { f.FileName, previous } : [f.FileName])
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<Review>> ListReviewsAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<Review>>(For(pull.Repo), $"list the reviews of {pull}", async () =>
        {
            var reviews = await _client.PullRequest.Review.GetAll(pull.Repo.Owner, pull.Repo.Name, pull.Number, new ApiOptions { PageSize = 100 });
            return reviews.Select(r => new Review(r.User?.Login ?? "", r.State.StringValue, r.SubmittedAt)).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<PostedComment>> ListCommentsAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<PostedComment>>(For(pull.Repo), $"list the comments of {pull}", async () =>
        {
            var comments = await _client.Issue.Comment.GetAllForIssue(pull.Repo.Owner, pull.Repo.Name, pull.Number, new ApiOptions { PageSize = 100 });
            return comments.Select(c => new PostedComment(c.Id, c.User?.Login ?? "", c.Body ?? "")).ToList();
        }, cancellationToken);

    public Task<long> CreateCommentAsync(PullRequestRef pull, string body, CancellationToken cancellationToken) =>
        CallAsync(For(pull.Repo), $"comment on {pull}", async () =>
            (await _client.Issue.Comment.Create(pull.Repo.Owner, pull.Repo.Name, pull.Number, body)).Id,
            cancellationToken);

    public Task SetCommitStatusAsync(RepoId repo, string sha, CommitStatus status, CancellationToken cancellationToken) =>
        CallAsync(For(repo), $"set status {status.Context} on {repo}@{sha}", async () =>
        {
            var description = status.Description.Length > StatusDescriptionLimit
                ? status.Description[..(StatusDescriptionLimit - 1)] + "…"
                : status.Description;
            var newStatus = new NewCommitStatus
            {
                State = GitHubMapping.ToCommitState(status.State),
                Context = status.Context,
                Description = description,
                TargetUrl = status.TargetUrl,
            };
            return await _client.Repository.Status.Create(repo.Owner, repo.Name, sha, newStatus);
        }, cancellationToken);

    public Task MergeAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        CallAsync(For(pull.Repo), $"merge {pull}", async () =>
            await _client.PullRequest.Merge(pull.Repo.Owner, pull.Repo.Name, pull.Number, new MergePullRequest { MergeMethod = PullRequestMergeMethod.Merge }),
            cancellationToken);

    public Task DeleteBranchAsync(RepoId repo, string branch, CancellationToken cancellationToken) =>
        CallAsync(For(repo), $"delete branch {branch} of {repo}", async () =>
        {
            await _client.Git.Reference.Delete(repo.Owner, repo.Name, "heads/" + branch);
            return true;
        }, cancellationToken);

    public Task<RepoRole> GetPermissionAsync(RepoId repo, string user, CancellationToken cancellationToken) =>
        CallAsync(For(repo), $"get the permission of {user} on {repo}", async () =>
        {
            var answer = await _client.Repository.Collaborator.ReviewPermission(repo.Owner, repo.Name, user);
            return GitHubMapping.ToRepoRole(answer.Permission, answer.RoleName);
        }, cancellationToken);

    /// <remarks>GitHub answers 404 for a user who is not a member, and for a team the token cannot see.</remarks>
    /// <seealso href="https://docs.github.com/en/rest/teams/members#get-team-membership-for-a-user"/>
    public Task<bool> IsTeamMemberAsync(RepoId repo, string organization, string teamSlug, string user, CancellationToken cancellationToken) =>
        CallAsync(ForOrganization(repo, organization), $"get the membership of {user} in @{organization}/{teamSlug}", async () =>
        {
            var path = $"orgs/{Uri.EscapeDataString(organization)}/teams/{Uri.EscapeDataString(teamSlug)}/memberships/{Uri.EscapeDataString(user)}";
            try
            {
                var answer = await _client.Connection.Get<TeamMembershipDetails>(new Uri(path, UriKind.Relative), null);
                return answer.Body?.State.StringValue == "active";
            }
            catch (NotFoundException)
            {
                return false;
            }
        }, cancellationToken);

    private static InstallationTarget For(RepoId repo) => new(repo.Owner, repo.Name);

    /// <summary>A team's members are read with the installation on its organisation, which may not own the repository.</summary>
    private static InstallationTarget ForOrganization(RepoId repo, string organization) =>
        new(organization, string.Equals(organization, repo.Owner, StringComparison.OrdinalIgnoreCase) ? repo.Name : null);

    private Task<T> CallAsync<T>(InstallationTarget target, string action, Func<Task<T>> call, CancellationToken cancellationToken) =>
        GitHubErrors.CallAsync(action, async () =>
        {
            if (_installations is null)
            {
                return await call();
            }

            _installations.Use(target, cancellationToken);
            try
            {
                return await call();
            }
            catch (AuthorizationException)
            {
                // A revoked installation token: asked once more with a new one. A second refusal is the answer.
                _installations.Refused();
                return await call();
            }
        }, _time, cancellationToken);
}
