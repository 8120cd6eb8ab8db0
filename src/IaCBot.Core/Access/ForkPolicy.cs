using IaCBot.Core.Commands;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Access;

/// <summary>Whether IaCBot acts on pull requests whose head branch lives in another repository (a fork).</summary>
/// <remarks>
/// A fork's author needs no right on the repository at all, yet a plan runs their terraform code (providers, external
/// data sources) on the server with its credentials. So, as with Atlantis' <c>--allow-fork-prs</c>, forks are off
/// unless an administrator turns them on.
/// </remarks>
public sealed class ForkPolicy(bool allowForkPrs)
{
    /// <summary>
    /// What a pull request's head repository is set to when the host no longer says which it is (the fork was
    /// deleted): it cannot be shown to be the base repository, so it counts as a fork.
    /// </summary>
    public static RepoId UnknownFork(string host) => new(host, "", "");

    /// <summary>The reply that refuses the pull request, or null when IaCBot may act on it.</summary>
    /// <param name="command">What was asked, as the user wrote it (<c>iacbot plan</c>); null for an autoplan.</param>
    public string? Refusal(PullRequestInfo pull, string? command)
    {
        if (allowForkPrs || pull.HeadRepo is not { } fork)
        {
            return null;
        }

        var from = fork.Owner.Length == 0 ? "a fork that no longer exists" : $"the fork {InlineCode.Of(fork.FullName)}";
        var outcome = command is null ? "it was not planned" : $"{InlineCode.Of(command)} was not run";
        return $"Pull requests from forks are disabled on this server, and this one comes from {from}, so {outcome}.\n\n"
            + "An administrator can enable them with the setting `server:allow_fork_prs: true`: then anyone who can open a "
            + "pull request can have their terraform code run by IaCBot.";
    }
}
