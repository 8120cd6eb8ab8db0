using Octokit;
using Octokit.Internal;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>Signs the App's calls (finding installations, making their tokens) with a new JWT each time.</summary>
internal sealed class JwtCredentialStore(GitHubAppJwt jwt) : ICredentialStore
{
    public Task<Credentials> GetCredentials() => Task.FromResult(new Credentials(jwt.Create(), AuthenticationType.Bearer));
}
