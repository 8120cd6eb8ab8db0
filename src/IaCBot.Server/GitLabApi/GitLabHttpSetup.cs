using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IaCBot.Server.GitLabApi;

/// <summary>
/// The HTTP client GitLab's API is called through, built like GitHub's: an attempt timeout inside retries of reads
/// with exponential backoff, waiting as GitLab asks when it says how long.
/// </summary>
internal static class GitLabHttpSetup
{
    /// <summary>How long one attempt may take; a read that times out is tried again.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest a read waits inside one call for a rate limit; a longer one fails the call at once.</summary>
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddGitLabHttpClient(this IServiceCollection services, string name)
    {
        // The handlers below bound each attempt and the waits between them; HttpClient's own 100 s limit would cut a
        // permitted wait short.
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<Observability.GitHostMetricsHandler>()
            .AddHttpMessageHandler(() => new GitHostHttp.GitHostTimeoutHandler("GitLab", AttemptTimeout))
            .AddResilienceHandler("gitlab", (pipeline, context) =>
            {
                var sp = context.ServiceProvider;
                var rules = new GitLabRetryRules(
                    sp.GetRequiredService<TimeProvider>(), MaxRateLimitWait, sp.GetRequiredService<ILoggerFactory>().CreateLogger<GitLabRetryRules>());
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 4,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldHandle = rules.ShouldRetryAsync,
                    DelayGenerator = rules.DelayAsync,
                    OnRetry = rules.OnRetryAsync,
                });
                pipeline.AddTimeout(AttemptTimeout);
            });
        return services;
    }
}
