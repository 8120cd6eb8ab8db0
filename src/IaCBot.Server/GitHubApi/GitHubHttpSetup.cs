using IaCBot.Server.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IaCBot.Server.GitHubApi;

/// <summary>The HTTP client GitHub's API is called through: an attempt timeout inside retries of reads.</summary>
internal static class GitHubHttpSetup
{
    public static IServiceCollection AddGitHubHttpClient(this IServiceCollection services, string name)
    {
        services.AddHttpClient(name)
            .AddHttpMessageHandler<Observability.GitHostMetricsHandler>()
            .AddHttpMessageHandler(sp => new GitHostHttp.GitHostTimeoutHandler("GitHub", RequestTimeout(sp)))
            .AddResilienceHandler("github", (pipeline, context) =>
            {
                var sp = context.ServiceProvider;
                var maxWait = Durations.Parse(sp.GetRequiredService<IOptions<GitHubOptions>>().Value.MaxRateLimitWait);
                var rules = new GitHubRetryRules(
                    sp.GetRequiredService<TimeProvider>(), maxWait, sp.GetRequiredService<ILoggerFactory>().CreateLogger<GitHubRetryRules>());
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
                        var host = args.Context.GetRequestMessage()?.RequestUri?.Host ?? "unknown";
                        sp.GetRequiredService<Observability.IaCBotMetrics>().GitHostRetries.WithLabels(host).Inc();
                        return rules.OnRetryAsync(args);
                    },
                });
                pipeline.AddTimeout(RequestTimeout(sp));
            });
        return services;
    }

    private static TimeSpan RequestTimeout(IServiceProvider services) =>
        Durations.Parse(services.GetRequiredService<IOptions<GitHubOptions>>().Value.RequestTimeout);
}
