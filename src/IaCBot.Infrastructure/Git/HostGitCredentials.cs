using IaCBot.Core.Git;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Git;

/// <summary>
/// Fixed tokens, one per host (a GitHub personal token, a GitLab or Gitea access token), and for hosts whose token
/// is made on demand (a GitHub App's installation token) a source asked each time.
/// </summary>
public sealed class HostGitCredentials(IReadOnlyDictionary<string, Func<RepoId, CancellationToken, Task<GitCredential?>>> hosts) : IGitCredentials
{
    public Task<GitCredential?> ForRepoAsync(RepoId repo, CancellationToken cancellationToken) =>
        hosts.TryGetValue(repo.Host, out var source) ? source(repo, cancellationToken) : Task.FromResult<GitCredential?>(null);

    /// <summary>A source that always gives the same credential, or none when the token is not set.</summary>
    public static Func<RepoId, CancellationToken, Task<GitCredential?>> Fixed(string user, string? token) =>
        (_, _) => Task.FromResult(string.IsNullOrEmpty(token) ? null : new GitCredential(user, token));
}
