using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Doubles;

/// <summary>A Git host that records what it was sent and fails on demand, as a real one may.</summary>
internal sealed class ScriptedVcsClient : IVcsClient
{
    private readonly Queue<VcsException> _commentFailures = new();
    private readonly Queue<VcsException> _statusFailures = new();

    public List<PostedComment> Comments { get; } = [];

    public List<CommitStatus> Statuses { get; } = [];

    /// <summary>When true, a failing comment call has still reached the host (as after a timeout on the way back).</summary>
    public bool FailuresStillPost { get; set; }

    public int MaxCommentLength(RepoId repo) => 65_536;

    /// <summary>Each user's role on every repository; a user not listed has none.</summary>
    public Dictionary<string, RepoRole> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Active team memberships, written <c>org/slug:user</c>.</summary>
    public HashSet<string> TeamMembers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Thrown by every permission or team check while set, as when the host is down.</summary>
    public VcsException? AccessFailure { get; set; }

    /// <summary>How many permission and team checks were asked.</summary>
    public int AccessChecks { get; private set; }

    public void FailNextComment(VcsException failure) => _commentFailures.Enqueue(failure);

    public void FailNextStatus(VcsException failure) => _statusFailures.Enqueue(failure);

    public Task<long> CreateCommentAsync(PullRequestRef pull, string body, CancellationToken cancellationToken)
    {
        if (_commentFailures.TryDequeue(out var failure))
        {
            if (FailuresStillPost)
            {
                Comments.Add(new PostedComment(Comments.Count + 1, "iacbot", body));
            }

            throw failure;
        }

        Comments.Add(new PostedComment(Comments.Count + 1, "iacbot", body));
        return Task.FromResult((long)Comments.Count);
    }

    public Task SetCommitStatusAsync(RepoId repo, string sha, CommitStatus status, CancellationToken cancellationToken)
    {
        if (_statusFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Statuses.Add(status);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PostedComment>> ListCommentsAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PostedComment>>(Comments.ToList());

    /// <summary>What <see cref="GetPullRequestAsync"/> answers; while null, it fails as a host that is down.</summary>
    public PullRequestInfo? PullRequest { get; set; }

    public Task<PullRequestInfo> GetPullRequestAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        PullRequest is { } info ? Task.FromResult(info) : throw new VcsException("The host is down.", 502, isTransient: true);

    public Task<IReadOnlyList<string>> ListChangedFilesAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<RefCommit> ResolveRefAsync(RepoId repo, string gitRef, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task MergeAsync(PullRequestRef pull, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteBranchAsync(RepoId repo, string branch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<RepoRole> GetPermissionAsync(RepoId repo, string user, CancellationToken cancellationToken)
    {
        AccessChecks++;
        return AccessFailure is { } failure ? throw failure : Task.FromResult(Roles.GetValueOrDefault(user, RepoRole.None));
    }

    public Task<bool> IsTeamMemberAsync(RepoId repo, string organization, string teamSlug, string user, CancellationToken cancellationToken)
    {
        AccessChecks++;
        return AccessFailure is { } failure ? throw failure : Task.FromResult(TeamMembers.Contains($"{organization}/{teamSlug}:{user}"));
    }

    public Task<IReadOnlyList<Review>> ListReviewsAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
