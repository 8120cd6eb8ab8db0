using Octokit;
using Octokit.Internal;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>
/// Gives each API call the token of the installation it is for. Octokit asks its credential store once per request
/// and tells it nothing about the request, so the call says whose it is through an async-local value set in the
/// async method that makes it: the value flows into Octokit's request and is gone when that method returns.
/// </summary>
internal sealed class InstallationCredentialStore(GitHubAppTokens tokens) : ICredentialStore
{
    private readonly AsyncLocal<InstallationCall?> _call = new();

    /// <summary>Call only from the async method that then makes the API call.</summary>
    public void Use(InstallationTarget target, CancellationToken cancellationToken) => _call.Value = new InstallationCall(target, cancellationToken);

    public async Task<Credentials> GetCredentials()
    {
        var call = _call.Value ?? throw new InvalidOperationException("A GitHub API call was made without saying which installation it is for.");
        call.Token = await tokens.TokenAsync(call.Target, call.CancellationToken);
        return new Credentials(call.Token);
    }

    /// <summary>
    /// GitHub refused the token this call was given (401): it was revoked, or the App was installed again. That token
    /// and the installation are forgotten, so the next request asks for new ones. Only that token: another call may
    /// already have replaced it.
    /// </summary>
    public void Refused()
    {
        if (_call.Value is { Token: { } token } call)
        {
            tokens.Forget(call.Target, token);
        }
    }

    private sealed class InstallationCall(InstallationTarget target, CancellationToken cancellationToken)
    {
        public InstallationTarget Target { get; } = target;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>The token handed to the request, set in the request's own flow.</summary>
        public string? Token { get; set; }
    }
}
