using IaCBot.Server.Configuration;
using IaCBot.Server.GitHostHttp;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.GitHubApi;

/// <summary>The HTTP client GitHub's API is called through, with the limits of the <c>github:</c> settings.</summary>
internal static class GitHubHttpSetup
{
    public static IServiceCollection AddGitHubHttpClient(this IServiceCollection services, string name) =>
        services.AddGitHostHttpClient(name, new GitHubWaits(), sp =>
        {
            var github = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            return new GitHostHttpLimits(Durations.Parse(github.RequestTimeout), Durations.Parse(github.MaxRateLimitWait));
        });
}
