using IaCBot.Server.Observability;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IaCBot.Server.GitHostHttp;

/// <summary>
/// The HTTP client every Git host's API is called through: metrics, an attempt timeout inside retries of reads with
/// exponential backoff, and the host's own pauses waited out as it asks.
/// </summary>
internal static class GitHostHttpSetup
{
    public static IServiceCollection AddGitHostHttpClient(
        this IServiceCollection services, string name, IGitHostWaits waits, Func<IServiceProvider, GitHostHttpLimits> limits)
    {
        // The handlers below bound each attempt and the waits between them; HttpClient's own 100 s limit would cut a
        // permitted wait short.
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<GitHostMetricsHandler>()
            .AddHttpMessageHandler(sp => new GitHostTimeoutHandler(waits.HostName, limits(sp).AttemptTimeout))
            .AddResilienceHandler(name, (pipeline, context) =>
            {
                var sp = context.ServiceProvider;
                var (attemptTimeout, maxWait) = limits(sp);
                var metrics = sp.GetRequiredService<IaCBotMetrics>();
                var rules = new GitHostRetryRules(
                    waits, sp.GetRequiredService<TimeProvider>(), maxWait, sp.GetRequiredService<ILoggerFactory>().CreateLogger<GitHostRetryRules>());
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 4,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldHandle = rules.ShouldRetryAsync,
                    DelayGenerator = rules.DelayAsync,
                    OnRetry = args =>
                    {
                        metrics.GitHostRetries.WithLabels(args.Context.GetRequestMessage()?.RequestUri?.Host ?? "unknown").Inc();
                        return rules.OnRetryAsync(args);
                    },
                });
                pipeline.AddTimeout(attemptTimeout);
            });
        return services;
    }
}
