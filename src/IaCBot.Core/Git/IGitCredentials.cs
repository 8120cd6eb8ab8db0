using IaCBot.Core.Vcs;

namespace IaCBot.Core.Git;

/// <summary>
/// What git sends to a Git host over https. One implementation per host kind knows its user name convention
/// (<c>x-access-token</c> on GitHub, <c>oauth2</c> on GitLab) and, for a GitHub App, fetches a fresh installation token.
/// </summary>
public interface IGitCredentials
{
    /// <summary>The credential for fetching the repository's PRs from its host, or null when the host needs none.</summary>
    Task<GitCredential?> ForRepoAsync(RepoId repo, CancellationToken cancellationToken);
}
