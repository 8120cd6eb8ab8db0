namespace IaCBot.Core.Vcs;

/// <summary>
/// The one <see cref="IVcsClient"/> the rest of IaCBot sees: it hands each call to the client of the repository's
/// host, so GitHub, GitLab and Gitea repositories can be served by one server at once.
/// </summary>
public sealed class VcsRouter : IVcsClient
{
    private readonly Dictionary<string, IVcsClient> _clients;
    private readonly Dictionary<VcsKind, IVcsClient> _onlyOfKind;

    public VcsRouter(IEnumerable<VcsHostClient> clients)
    {
        _clients = new Dictionary<string, IVcsClient>(StringComparer.OrdinalIgnoreCase);
        var all = clients.ToList();
        foreach (var (host, client, _) in all)
        {
            if (!_clients.TryAdd(host, client))
            {
                throw new ArgumentException($"Two Git hosts are configured with the same address {host}.", nameof(clients));
            }
        }

        _onlyOfKind = all.GroupBy(c => c.Kind).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Client);
    }

    public IReadOnlyCollection<string> Hosts => _clients.Keys;

    public int MaxCommentLength(RepoId repo) => For(repo).MaxCommentLength(repo);

    public Task<PullRequestInfo> GetPullRequestAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        For(pull.Repo).GetPullRequestAsync(pull, cancellationToken);

    public Task<RefCommit> ResolveRefAsync(RepoId repo, string gitRef, CancellationToken cancellationToken) =>
        For(repo).ResolveRefAsync(repo, gitRef, cancellationToken);

    public Task<IReadOnlyList<string>> ListChangedFilesAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        For(pull.Repo).ListChangedFilesAsync(pull, cancellationToken);

    public Task<IReadOnlyList<Review>> ListReviewsAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        For(pull.Repo).ListReviewsAsync(pull, cancellationToken);

    public Task<IReadOnlyList<PostedComment>> ListCommentsAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        For(pull.Repo).ListCommentsAsync(pull, cancellationToken);

    public Task<long> CreateCommentAsync(PullRequestRef pull, string body, CancellationToken cancellationToken) =>
        For(pull.Repo).CreateCommentAsync(pull, body, cancellationToken);

    public Task SetCommitStatusAsync(RepoId repo, string sha, CommitStatus status, CancellationToken cancellationToken) =>
        For(repo).SetCommitStatusAsync(repo, sha, status, cancellationToken);

    public Task MergeAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        For(pull.Repo).MergeAsync(pull, cancellationToken);

    public Task DeleteBranchAsync(RepoId repo, string branch, CancellationToken cancellationToken) =>
        For(repo).DeleteBranchAsync(repo, branch, cancellationToken);

    public Task<RepoRole> GetPermissionAsync(RepoId repo, string user, CancellationToken cancellationToken) =>
        For(repo).GetPermissionAsync(repo, user, cancellationToken);

    public Task<bool> IsTeamMemberAsync(RepoId repo, string organization, string teamSlug, string user, CancellationToken cancellationToken) =>
        For(repo).IsTeamMemberAsync(repo, organization, teamSlug, user, cancellationToken);

    /// <summary>
    /// The client of the repository's host; failing that, the one client of its kind, because a host may name itself
    /// differently in its API address and in its web links (a proxy, a GitHub Enterprise alias).
    /// </summary>
    private IVcsClient For(RepoId repo) =>
        _clients.TryGetValue(repo.Host, out var client) || _onlyOfKind.TryGetValue(repo.Kind, out client)
            ? client
            : throw new VcsException($"IaCBot is not configured for the Git host {repo.Host}, so it cannot reach {repo}.", statusCode: null, isTransient: false);
}
