using System.Text.Json;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Gitea;

/// <summary>
/// Gitea's (and Forgejo's, which keeps the same API) REST API at <c>/api/v1</c>, on the HTTP client the server gives
/// it (with its retries). Every path names the repository as <c>owner/name</c>, escaped.
/// </summary>
/// <seealso href="https://gitea.com/api/swagger"/>
internal sealed class GiteaVcsClient(GiteaSettings settings, Func<HttpClient> httpClient) : IVcsClient
{
    /// <summary>
    /// Gitea documents no limit and stores a comment in a LONGTEXT column, so the database does not cap it. A page of
    /// plan output past GitHub's 65,536 characters is hard to read and slow to render, so the same limit is kept:
    /// long output is split into parts the same way on every host.
    /// </summary>
    public const int CommentLimit = 65_536;

    private readonly GiteaApi _api = new(settings, httpClient);

    public int MaxCommentLength(RepoId repo) => CommentLimit;

    /// <remarks>Gitea's single-commit route takes a branch or tag name as well as a SHA.</remarks>
    /// <seealso href="https://gitea.com/api/swagger#/repository/repoGetSingleCommit"/>
    public async Task<RefCommit> ResolveRefAsync(RepoId repo, string gitRef, CancellationToken cancellationToken)
    {
        var action = $"find {gitRef} in {repo}";
        var commit = await _api.SendAsync(action, HttpMethod.Get, $"{Repo(repo)}/git/commits/{Uri.EscapeDataString(gitRef)}", null, cancellationToken);
        var repository = await _api.SendAsync(action, HttpMethod.Get, Repo(repo), null, cancellationToken);
        return commit is { ValueKind: JsonValueKind.Object } c && GiteaMapping.TextField(c, "sha") is { } sha
            && repository is { ValueKind: JsonValueKind.Object } r && GiteaMapping.TextField(r, "clone_url") is { } url
            ? new RefCommit(sha, url)
            : throw GiteaApi.Malformed(action, "a commit and its repository");
    }

    public async Task<PullRequestInfo> GetPullRequestAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var action = $"get pull request {pull}";
        var json = await _api.SendAsync(action, HttpMethod.Get, $"{Repo(pull.Repo)}/pulls/{pull.Number}", null, cancellationToken);
        return json is { ValueKind: JsonValueKind.Object } pr
            ? GiteaMapping.ToPullRequestInfo(action, pull.Repo, pr)
            : throw GiteaApi.Malformed(action, "a pull request");
    }

    public async Task<IReadOnlyList<string>> ListChangedFilesAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var files = await _api.ListAsync($"list the files of {pull}", $"{Repo(pull.Repo)}/pulls/{pull.Number}/files", cancellationToken);
        return files
            .SelectMany(f => new[] { GiteaMapping.TextField(f, "filename"), GiteaMapping.TextField(f, "previous_filename") })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<Review>> ListReviewsAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var reviews = await _api.ListAsync($"list the reviews of {pull}", $"{Repo(pull.Repo)}/pulls/{pull.Number}/reviews", cancellationToken);
        return reviews.Select(GiteaMapping.ToReview).OfType<Review>().ToList();
    }

    /// <remarks>Gitea answers a PR's comments in one list (the endpoint takes <c>since</c>/<c>before</c>, not pages).</remarks>
    public async Task<IReadOnlyList<PostedComment>> ListCommentsAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var action = $"list the comments of {pull}";
        var json = await _api.SendAsync(action, HttpMethod.Get, $"{Repo(pull.Repo)}/issues/{pull.Number}/comments", null, cancellationToken);
        if (json is not { ValueKind: JsonValueKind.Array } comments)
        {
            throw GiteaApi.Malformed(action, "a list");
        }

        return comments.EnumerateArray()
            .Select(c => new PostedComment(
                GiteaMapping.NumberField(c, "id") ?? 0,
                GiteaMapping.Login(GiteaMapping.ObjectField(c, "user")) ?? "",
                GiteaMapping.TextField(c, "body") ?? ""))
            .ToList();
    }

    public async Task<long> CreateCommentAsync(PullRequestRef pull, string body, CancellationToken cancellationToken)
    {
        var action = $"comment on {pull}";
        var json = await _api.SendAsync(action, HttpMethod.Post, $"{Repo(pull.Repo)}/issues/{pull.Number}/comments", new { body }, cancellationToken);
        return json is { } comment && GiteaMapping.NumberField(comment, "id") is { } id ? id : throw GiteaApi.Malformed(action, "a comment with an id");
    }

    public Task SetCommitStatusAsync(RepoId repo, string sha, CommitStatus status, CancellationToken cancellationToken) =>
        _api.SendAsync($"set status {status.Context} on {repo}@{sha}", HttpMethod.Post, $"{Repo(repo)}/statuses/{Uri.EscapeDataString(sha)}", new
        {
            state = GiteaMapping.ToStatusState(status.State),
            context = status.Context,
            description = status.Description,
            target_url = status.TargetUrl ?? "",
        }, cancellationToken);

    /// <remarks>Gitea refuses with 405 (not mergeable, checks or approvals missing) or 409 (conflict, head moved) and says why.</remarks>
    public Task MergeAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        _api.SendAsync($"merge {pull}", HttpMethod.Post, $"{Repo(pull.Repo)}/pulls/{pull.Number}/merge", new Dictionary<string, string>
        {
            ["Do"] = "merge",
        }, cancellationToken);

    /// <remarks>The branch goes in the path with its slashes, as Gitea's route takes the rest of the path as the name.</remarks>
    public Task DeleteBranchAsync(RepoId repo, string branch, CancellationToken cancellationToken) =>
        _api.SendAsync($"delete branch {branch} of {repo}", HttpMethod.Delete, $"{Repo(repo)}/branches/{EscapePath(branch)}", null, cancellationToken);

    /// <remarks>A 404 means the user does not exist (or cannot be seen): no role.</remarks>
    public async Task<RepoRole> GetPermissionAsync(RepoId repo, string user, CancellationToken cancellationToken)
    {
        var json = await _api.SendAsync(
            $"get the permission of {user} on {repo}", HttpMethod.Get, $"{Repo(repo)}/collaborators/{Uri.EscapeDataString(user)}/permission",
            null, cancellationToken, notFoundIsNull: true);
        return json is { } answer ? GiteaMapping.ToRepoRole(GiteaMapping.TextField(answer, "permission")) : RepoRole.None;
    }

    /// <summary>
    /// Gitea teams have no slug: the team is found by name in the organisation (names are unique there, in any case),
    /// then the user is looked up among its members. A missing organisation, team or member is "not a member".
    /// </summary>
    public async Task<bool> IsTeamMemberAsync(RepoId repo, string organization, string teamSlug, string user, CancellationToken cancellationToken)
    {
        var action = $"get the membership of {user} in @{organization}/{teamSlug}";
        var search = await _api.SendAsync(
            action, HttpMethod.Get, $"orgs/{Uri.EscapeDataString(organization)}/teams/search?q={Uri.EscapeDataString(teamSlug)}&limit={GiteaApi.PageSize}",
            null, cancellationToken, notFoundIsNull: true);
        if (FindTeamId(search, teamSlug) is not { } teamId)
        {
            return false;
        }

        return await _api.ExistsAsync(action, $"teams/{teamId}/members/{Uri.EscapeDataString(user)}", cancellationToken);
    }

    private static long? FindTeamId(JsonElement? search, string name)
    {
        if (search is not { ValueKind: JsonValueKind.Object } found
            || !found.TryGetProperty("data", out var teams) || teams.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return teams.EnumerateArray()
            .Where(t => string.Equals(GiteaMapping.TextField(t, "name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(t => GiteaMapping.NumberField(t, "id"))
            .FirstOrDefault();
    }

    private static string Repo(RepoId repo) => $"repos/{Uri.EscapeDataString(repo.Owner)}/{Uri.EscapeDataString(repo.Name)}";

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
