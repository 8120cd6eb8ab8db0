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

    /// <summary>
    /// Checks out one commit for a run without a pull request, in a checkout of its own named <paramref name="run"/>
    /// (one per workspace), apart from every PR's; <see cref="DeleteRunAsync"/> removes it when the run ends.
    /// </summary>
    /// <exception cref="GitException">The fetch failed; the message is safe to show.</exception>
    Task<string> PrepareRunAsync(RepoId repo, RefCommit commit, string run, string workspace, CancellationToken cancellationToken);

    /// <summary>Deletes the checkouts of a run without a pull request.</summary>
    Task DeleteRunAsync(RepoId repo, string run, CancellationToken cancellationToken);

    /// <summary>Deletes every checkout of the PR.</summary>
    Task DeleteAsync(PullRequestRef pull, CancellationToken cancellationToken);
}
