using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>
/// What a run without a pull request works on: a repository, the ref the caller named (branch, tag or SHA) and the
/// commit the Git host resolved it to.
/// </summary>
public sealed record RefTarget(RepoId Repo, string Ref, RefCommit Commit)
{
    /// <summary>
    /// The number such a run goes by where a pull request is expected (its run record, its log folder, a lock it
    /// holds): no Git host numbers a pull request 0, so it can never be mistaken for one.
    /// </summary>
    public const int NoPull = 0;

    public PullRequestRef Pull => new(Repo, NoPull);

    public static bool IsRefRun(PullRequestRef pull) => pull?.Number == NoPull;

    /// <summary>
    /// The steps of a workflow were written for a pull request; they see the ref as one whose head and base are both
    /// the ref, as Atlantis' API does, so that a custom step's <c>HEAD_BRANCH_NAME</c> and <c>BASE_BRANCH_NAME</c> name it.
    /// </summary>
    public PullRequestInfo AsPull(string user) =>
        new(Pull, user, Commit.Sha, Ref, Ref, Commit.CloneUrl, IsDraft: false, PullRequestState.Open, Mergeable: null, MergeableState: null, HtmlUrl: "")
        {
            BaseCloneUrl = Commit.CloneUrl,
        };
}
