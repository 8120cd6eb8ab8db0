using IaCBot.Core.Vcs;

namespace IaCBot.Core.Git;

/// <summary>
/// The PRs' checkouts, one per PR and workspace (terraform keeps the selected workspace in the directory, so two
/// workspaces of one dir must not share it). A checkout is a cache: it can always be made again from the host.
/// </summary>
public interface IWorkingDirectories
{
    /// <summary>Clones the PR's head, or brings an existing clone to it, and returns the checkout's path.</summary>
    /// <exception cref="GitException">The clone or fetch failed; the message is safe to show.</exception>
    Task<string> PrepareAsync(PullRequestInfo pull, string workspace, CancellationToken cancellationToken);

    /// <summary>
    /// True when the PR's head contains the latest commit of its base branch (Atlantis' <c>undiverged</c>), so
    /// that applying it cannot undo changes already merged to the base branch.
    /// </summary>
    Task<bool> IsUndivergedAsync(PullRequestInfo pull, CancellationToken cancellationToken);

    /// <summary>Deletes every checkout of the PR.</summary>
    Task DeleteAsync(PullRequestRef pull, CancellationToken cancellationToken);
}
