using IaCBot.Core.Vcs;

namespace IaCBot.Core.Git;

/// <summary>Anonymous fetches, for public repositories and tests.</summary>
public sealed class NoGitCredentials : IGitCredentials
{
    public Task<GitCredential?> ForRepoAsync(RepoId repo, CancellationToken cancellationToken) => Task.FromResult<GitCredential?>(null);
}
