using IaCBot.Core.Access;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.GitLab.Models;

namespace IaCBot.Infrastructure.GitLab;

/// <summary>
/// GitLab's REST API v4 (gitlab.com or self-managed). A project is named by its URL-encoded full path
/// (<c>group%2Fsub%2Fproject</c>), so nested groups need no id lookup; a merge request by its iid.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/api/merge_requests.html"/>
internal sealed class GitLabVcsClient(GitLabSettings settings, Func<HttpClient> http, TimeProvider time) : IVcsClient
{
    /// <summary>GitLab refuses a note over 1,000,000 characters.</summary>
    private const int CommentLimit = 1_000_000;

    /// <summary>GitLab keeps a status description to 255 characters.</summary>
    private const int StatusDescriptionLimit = 255;

    private readonly GitLabApi _api = new(settings, http, time);

    public int MaxCommentLength(RepoId repo) => CommentLimit;

    /// <remarks>GitLab takes a branch, a tag or a SHA in the same place, and answers 404 for none of them.</remarks>
    /// <seealso href="https://docs.gitlab.com/api/commits/#get-a-single-commit"/>
    public async Task<RefCommit> ResolveRefAsync(RepoId repo, string gitRef, CancellationToken cancellationToken)
    {
        var action = $"find {gitRef} in {repo}";
        var commit = await _api.GetAsync<GitLabCommit>($"{Project(repo)}/repository/commits/{Uri.EscapeDataString(gitRef)}", action, cancellationToken);
        var project = await _api.GetAsync<GitLabProject>(Project(repo), action, cancellationToken);
        return new RefCommit(Required(commit.Id, "id", action), Required(project.HttpUrlToRepo, "http_url_to_repo", action));
    }

    public async Task<PullRequestInfo> GetPullRequestAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var action = $"get merge request {pull}";
        var mr = await _api.GetAsync<GitLabMergeRequest>(MergeRequest(pull), action, cancellationToken);
        var target = await _api.GetAsync<GitLabProject>(Project(pull.Repo), action, cancellationToken);
        var (headRepo, headUrl) = await HeadAsync(pull.Repo, mr, target, action, cancellationToken);
        var (mergeable, mergeableState) = GitLabMapping.Mergeability(mr.DetailedMergeStatus, mr.MergeStatus);
        return new PullRequestInfo(
            pull,
            mr.Author?.Username ?? "",
            Required(mr.Sha, "sha", action),
            Required(mr.SourceBranch, "source_branch", action),
            Required(mr.TargetBranch, "target_branch", action),
            headUrl,
            mr.Draft || mr.WorkInProgress,
            GitLabMapping.State(mr.State),
            mergeable,
            mergeableState,
            mr.WebUrl ?? "")
        {
            HeadRepo = headRepo,
            BaseCloneUrl = target.HttpUrlToRepo,
        };
    }

    public async Task<IReadOnlyList<string>> ListChangedFilesAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        IReadOnlyList<GitLabDiff> diffs;
        try
        {
            diffs = await _api.GetAllAsync<GitLabDiff>($"{MergeRequest(pull)}/diffs", $"list the files of {pull}", cancellationToken);
        }
        catch (VcsException e) when (e.StatusCode == 404)
        {
            diffs = await ChangesAsync(pull, cancellationToken);
        }

        return diffs
            .SelectMany(d => new[] { d.NewPath, d.OldPath })
            .OfType<string>()
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// GitLab before 15.7 has no <c>/diffs</c> (it answers 404): its <c>/changes</c> lists the same files, but an
    /// instance's diff limit may cut the list, and planning from part of a change would skip projects it touched.
    /// </summary>
    private async Task<IReadOnlyList<GitLabDiff>> ChangesAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var changes = await _api.GetAsync<GitLabMergeRequestChanges>($"{MergeRequest(pull)}/changes", $"list the files of {pull}", cancellationToken);
        if (changes.Overflow)
        {
            throw new VcsException(
                $"GitLab listed only part of the files of {pull} (its diff limit cut the list), so IaCBot cannot tell which projects it changes. "
                + "GitLab 15.7 and later list them all: upgrade GitLab, or raise its diff limits.", null, false);
        }

        return changes.Changes ?? [];
    }

    /// <summary>GitLab has approvals rather than reviews: each approver counts as an APPROVED review.</summary>
    public async Task<IReadOnlyList<Review>> ListReviewsAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var approvals = await _api.GetAsync<GitLabApprovals>($"{MergeRequest(pull)}/approvals", $"list the approvals of {pull}", cancellationToken);
        return (approvals.ApprovedBy ?? [])
            .Select(a => a.User?.Username)
            .OfType<string>()
            .Select(user => new Review(user, "APPROVED", null))
            .ToList();
    }

    public async Task<IReadOnlyList<PostedComment>> ListCommentsAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var notes = await _api.GetAllAsync<GitLabNote>(
            $"{MergeRequest(pull)}/notes?sort=asc&order_by=created_at", $"list the notes of {pull}", cancellationToken);
        return notes.Where(n => !n.System).Select(n => new PostedComment(n.Id, n.Author?.Username ?? "", n.Body ?? "")).ToList();
    }

    public async Task<long> CreateCommentAsync(PullRequestRef pull, string body, CancellationToken cancellationToken) =>
        (await _api.SendAsync<GitLabId>(HttpMethod.Post, $"{MergeRequest(pull)}/notes", new { body }, $"comment on {pull}", cancellationToken)).Id;

    public Task SetCommitStatusAsync(RepoId repo, string sha, CommitStatus status, CancellationToken cancellationToken)
    {
        var description = status.Description.Length > StatusDescriptionLimit
            ? status.Description[..(StatusDescriptionLimit - 1)] + "…"
            : status.Description;
        var body = new StatusRequest(GitLabMapping.StatusState(status.State), status.Context, description, status.TargetUrl);
        return _api.SendAsync(
            HttpMethod.Post, $"{Project(repo)}/statuses/{Uri.EscapeDataString(sha)}", body,
            $"set status {status.Context} on {repo}@{sha}", cancellationToken);
    }

    /// <remarks>GitLab refuses with 405, 406, 409 or 422 and says why (not mergeable, a pipeline must pass, the sha moved).</remarks>
    public Task MergeAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        _api.SendAsync(HttpMethod.Put, $"{MergeRequest(pull)}/merge", null, $"merge {pull}", cancellationToken);

    public Task DeleteBranchAsync(RepoId repo, string branch, CancellationToken cancellationToken) =>
        _api.SendAsync(
            HttpMethod.Delete, $"{Project(repo)}/repository/branches/{Uri.EscapeDataString(branch)}", null,
            $"delete branch {branch} of {repo}", cancellationToken);

    /// <summary>The user's access level on the project, inherited from its groups included.</summary>
    /// <seealso href="https://docs.gitlab.com/ee/api/members.html#get-a-member-of-a-group-or-project-including-inherited-and-invited-members"/>
    public async Task<RepoRole> GetPermissionAsync(RepoId repo, string user, CancellationToken cancellationToken)
    {
        var action = $"get the permission of {user} on {repo}";
        if (await UserIdAsync(user, action, cancellationToken) is not { } id)
        {
            return RepoRole.None;
        }

        var member = await _api.GetOrNullAsync<GitLabMember>($"{Project(repo)}/members/all/{id}", action, cancellationToken);
        return member is not null && GitLabMapping.IsActive(member) ? GitLabMapping.Role(member.AccessLevel) : RepoRole.None;
    }

    /// <summary>A team is a group: <c>organization/teamSlug</c> is its full path (<c>acme/platform</c>).</summary>
    public async Task<bool> IsTeamMemberAsync(RepoId repo, string organization, string teamSlug, string user, CancellationToken cancellationToken)
    {
        var group = teamSlug.Length == 0 ? organization : $"{organization}/{teamSlug}";
        var action = $"get the membership of {user} in {group}";
        if (await UserIdAsync(user, action, cancellationToken) is not { } id)
        {
            return false;
        }

        var member = await _api.GetOrNullAsync<GitLabMember>($"groups/{Uri.EscapeDataString(group)}/members/all/{id}", action, cancellationToken);
        return member is not null && GitLabMapping.IsActive(member) && member.AccessLevel > 0;
    }

    /// <summary>
    /// The source project's address and id when the merge request comes from a fork; a fork GitLab no longer shows
    /// (deleted, or hidden from the token) cannot be shown to be the project itself, so it counts as a fork.
    /// </summary>
    private async Task<(RepoId? HeadRepo, string HeadUrl)> HeadAsync(
        RepoId repo, GitLabMergeRequest mr, GitLabProject target, string action, CancellationToken cancellationToken)
    {
        var baseUrl = target.HttpUrlToRepo ?? throw new VcsException($"GitLab's answer to '{action}' has no http_url_to_repo.", null, false);
        if (mr.SourceProjectId is { } source && source == (mr.TargetProjectId ?? target.Id))
        {
            return (null, baseUrl);
        }

        var fork = mr.SourceProjectId is { } id ? await _api.GetOrNullAsync<GitLabProject>($"projects/{id}", action, cancellationToken) : null;
        return fork is { HttpUrlToRepo: { } url } && GitLabMapping.Repo(repo.Host, fork.PathWithNamespace) is { } forkRepo
            ? (forkRepo, url)
            : (ForkPolicy.UnknownFork(repo.Host), baseUrl);
    }

    private async Task<long?> UserIdAsync(string user, string action, CancellationToken cancellationToken)
    {
        var users = await _api.GetAllAsync<GitLabUser>($"users?username={Uri.EscapeDataString(user)}", action, cancellationToken);
        return users.FirstOrDefault(u => string.Equals(u.Username, user, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private static string Required(string? value, string field, string action) =>
        value is { Length: > 0 } ? value : throw new VcsException($"GitLab's answer to '{action}' has no {field}.", null, false);

    private static string Project(RepoId repo) => $"projects/{Uri.EscapeDataString(repo.FullName)}";

    private static string MergeRequest(PullRequestRef pull) => $"{Project(pull.Repo)}/merge_requests/{pull.Number}";

    private sealed record StatusRequest(string State, string Name, string Description, string? TargetUrl);
}
