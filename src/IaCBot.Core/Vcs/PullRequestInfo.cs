namespace IaCBot.Core.Vcs;

/// <summary>What IaCBot needs to know of a pull request, read from the Git host.</summary>
/// <param name="HeadCloneUrl">Where the head commit can be fetched from: the fork's URL for a PR from a fork.</param>
/// <param name="Mergeable">The host's own verdict, or null while the host is still computing it.</param>
/// <param name="MergeableState">GitHub's <c>mergeable_state</c> (clean, unstable, blocked, dirty, ...), when known.</param>
public sealed record PullRequestInfo(
    PullRequestRef Ref,
    string Author,
    string HeadSha,
    string HeadBranch,
    string BaseBranch,
    string HeadCloneUrl,
    bool IsDraft,
    PullRequestState State,
    bool? Mergeable,
    string? MergeableState,
    string HtmlUrl)
{
    /// <summary>The repository the head branch lives in: a fork's for a PR from a fork, else null (the base repo).</summary>
    public RepoId? HeadRepo { get; init; }

    /// <summary>Where the base repository can be fetched from, for checks against the base branch; null when unknown.</summary>
    public string? BaseCloneUrl { get; init; }
}
