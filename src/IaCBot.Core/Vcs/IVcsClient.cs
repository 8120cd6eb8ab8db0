namespace IaCBot.Core.Vcs;

/// <summary>The Git host's API, as far as IaCBot uses it. One implementation per host.</summary>
public interface IVcsClient
{
    /// <summary>The longest comment body the repository's host accepts, in characters.</summary>
    int MaxCommentLength(RepoId repo);

    Task<PullRequestInfo> GetPullRequestAsync(PullRequestRef pull, CancellationToken cancellationToken);

    /// <summary>
    /// The commit a branch, tag or commit SHA (short or full) names, for a run without a pull request. A ref the
    /// repository lacks throws a <see cref="VcsException"/> with status 404 (GitHub answers 422).
    /// </summary>
    Task<RefCommit> ResolveRefAsync(RepoId repo, string gitRef, CancellationToken cancellationToken);

    /// <summary>Every file the PR changes, across all pages; a renamed file gives both its old and new path.</summary>
    Task<IReadOnlyList<string>> ListChangedFilesAsync(PullRequestRef pull, CancellationToken cancellationToken);

    Task<IReadOnlyList<Review>> ListReviewsAsync(PullRequestRef pull, CancellationToken cancellationToken);

    Task<IReadOnlyList<PostedComment>> ListCommentsAsync(PullRequestRef pull, CancellationToken cancellationToken);

    Task<long> CreateCommentAsync(PullRequestRef pull, string body, CancellationToken cancellationToken);

    Task SetCommitStatusAsync(RepoId repo, string sha, CommitStatus status, CancellationToken cancellationToken);

    /// <summary>Merges the pull request; a host that refuses (not mergeable, a required check) throws with its reason.</summary>
    Task MergeAsync(PullRequestRef pull, CancellationToken cancellationToken);

    /// <summary>Deletes a branch of the repository.</summary>
    Task DeleteBranchAsync(RepoId repo, string branch, CancellationToken cancellationToken);

    /// <summary>The user's role on the repository: <see cref="RepoRole.None"/> when they have none.</summary>
    Task<RepoRole> GetPermissionAsync(RepoId repo, string user, CancellationToken cancellationToken);

    /// <summary>
    /// True when the user is an active member of the organisation's team (slug as in its URL) on the repository's host;
    /// false when they are not, have only been invited, or the team is not visible to the bot. On GitLab a team is a
    /// group: <paramref name="organization"/>/<paramref name="teamSlug"/> is the group's full path.
    /// </summary>
    Task<bool> IsTeamMemberAsync(RepoId repo, string organization, string teamSlug, string user, CancellationToken cancellationToken);
}
