using System.Collections.Concurrent;
using System.Security.Cryptography;
using IaCBot.Core.Git;
using IaCBot.Core.Vcs;
using Octokit;
using Octokit.Internal;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>
/// A GitHub App's installation tokens: found per repository owner, asked for with the App's JWT, and reused until
/// shortly before they expire (GitHub gives them an hour). Only one request for a new token is made at a time per
/// installation, however many calls need it.
/// </summary>
/// <seealso href="https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation"/>
public sealed class GitHubAppTokens : IDisposable
{
    /// <summary>A token is replaced this long before it expires, so that a call that starts with it still ends in time.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private const string GitUser = "x-access-token";

    private readonly GitHubAppSettings _settings;
    private readonly RSA _key;
    private readonly GitHubClient _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _installations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, InstallationToken> _tokens = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _refreshes = new();

    public GitHubAppTokens(GitHubAppSettings settings, Uri apiUrl, Func<HttpMessageHandler> handler, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _key = GitHubAppKey.Import(settings.PrivateKeyPem);
        var connection = new Connection(
            new ProductHeaderValue("IaCBot"),
            apiUrl,
            new JwtCredentialStore(new GitHubAppJwt(settings.AppId, _key, time)),
            new UnboundedCallHttpClient(handler),
            new SimpleJsonSerializer());
        _app = new GitHubClient(connection);
    }

    /// <summary>The token for the installation on the repository's owner.</summary>
    public Task<string> ForRepoAsync(RepoId repo, CancellationToken cancellationToken) =>
        TokenAsync(new InstallationTarget(repo.Owner, repo.Name), cancellationToken);

    /// <summary>What git sends to clone and fetch the repository over https.</summary>
    public async Task<GitCredential?> GitCredentialAsync(RepoId repo, CancellationToken cancellationToken) =>
        new GitCredential(GitUser, await ForRepoAsync(repo, cancellationToken));

    internal async Task<string> TokenAsync(InstallationTarget target, CancellationToken cancellationToken)
    {
        var installation = await InstallationAsync(target, cancellationToken);
        if (Fresh(installation) is { } token)
        {
            return token.Value;
        }

        var refresh = _refreshes.GetOrAdd(installation, _ => new SemaphoreSlim(1, 1));
        await refresh.WaitAsync(cancellationToken);
        try
        {
            // Another call may have refreshed it while this one waited.
            if (Fresh(installation) is { } refreshed)
            {
                return refreshed.Value;
            }

            var created = await GitHubErrors.CallAsync(
                $"get a token for installation {installation} of the GitHub App",
                () => _app.GitHubApps.CreateInstallationToken(installation), _time, cancellationToken);
            var fresh = new InstallationToken(created.Token, created.ExpiresAt);
            _tokens[installation] = fresh;
            return fresh.Value;
        }
        finally
        {
            refresh.Release();
        }
    }

    /// <summary>
    /// Drops <paramref name="refusedToken"/> and where the App was found installed on the target's owner: GitHub
    /// refuses a revoked token, and an App uninstalled and installed again has a new installation. Without this, every
    /// call would fail until the token's hour is over.
    /// </summary>
    internal void Forget(InstallationTarget target, string refusedToken)
    {
        foreach (var entry in _tokens)
        {
            if (entry.Value.Value == refusedToken)
            {
                _tokens.TryRemove(entry);
            }
        }

        _installations.TryRemove(target.Owner, out _);
    }

    public void Dispose()
    {
        _key.Dispose();
        foreach (var refresh in _refreshes.Values)
        {
            refresh.Dispose();
        }
    }

    private InstallationToken? Fresh(long installation) =>
        _tokens.TryGetValue(installation, out var token) && _time.GetUtcNow() < token.ExpiresAt - RefreshBefore ? token : null;

    /// <summary>
    /// An App is installed once per account (user or organisation), so the installation found through one repository
    /// serves all of its owner's. Two calls that find it at once both ask; the answers are the same.
    /// </summary>
    private async Task<long> InstallationAsync(InstallationTarget target, CancellationToken cancellationToken)
    {
        if (_settings.InstallationId is { } configured)
        {
            return configured;
        }

        if (_installations.TryGetValue(target.Owner, out var known))
        {
            return known;
        }

        var where = target.Repo is null ? target.Owner : $"{target.Owner}/{target.Repo}";
        var found = await GitHubErrors.CallAsync($"find the GitHub App's installation on {where}", async () =>
        {
            try
            {
                var installation = target.Repo is null
                    ? await _app.GitHubApps.GetOrganizationInstallationForCurrent(target.Owner)
                    : await _app.GitHubApps.GetRepositoryInstallationForCurrent(target.Owner, target.Repo);
                return installation.Id;
            }
            catch (NotFoundException ex)
            {
                throw new VcsException(
                    $"The GitHub App {_settings.AppId} is not installed on {where}: install it there (or give its installation that repository).",
                    404, false, null, ex);
            }
        }, _time, cancellationToken);
        _installations[target.Owner] = found;
        return found;
    }
}
