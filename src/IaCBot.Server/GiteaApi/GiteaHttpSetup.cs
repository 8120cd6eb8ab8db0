using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IaCBot.Server.GiteaApi;

/// <summary>
/// The HTTP client Gitea's API is called through: an attempt timeout inside retries of reads, as for GitHub. Gitea's
/// answers are quick and it has no rate limits to wait out, so the limits are fixed rather than settings.
/// </summary>
internal static class GiteaHttpSetup
{
    /// <summary>How long one attempt may take; a read that times out is tried again.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> a read waits inside one call; a longer one fails the call at once.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddGiteaHttpClient(this IServiceCollection services, string name)
    {
        // The pipeline bounds every attempt and the waits between them; HttpClient's own 100 s cap would cut a permitted wait short.
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<Observability.GitHostMetricsHandler>()
            .AddHttpMessageHandler(() => new GitHostHttp.GitHostTimeoutHandler("Gitea", AttemptTimeout))
            .AddResilienceHandler("gitea", (pipeline, context) =>
            {
                var rules = new GiteaRetryRules(MaxRetryAfter, context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<GiteaRetryRules>());
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 4,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldHandle = rules.ShouldRetryAsync,
                    DelayGenerator = GiteaRetryRules.DelayAsync,
                    OnRetry = rules.OnRetryAsync,
                });
                pipeline.AddTimeout(AttemptTimeout);
            });
        return services;
    }
}
