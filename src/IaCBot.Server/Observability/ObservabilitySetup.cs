using IaCBot.Core.RunHistory;
using Prometheus;

namespace IaCBot.Server.Observability;

/// <summary><c>GET /metrics</c> in Prometheus' format, and the counters the app feeds it.</summary>
internal static class ObservabilitySetup
{
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddSingleton<IaCBotMetrics>();
        services.AddSingleton<IRunObserver, RunMetrics>();
        services.AddSingleton<QueueMetrics>();
        services.AddTransient<GitHostMetricsHandler>();
        return services;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<IaCBotMetrics>();
        var gauges = app.Services.GetRequiredService<QueueMetrics>();
        metrics.Registry.AddBeforeCollectCallback(gauges.UpdateAsync);
        app.UseMiddleware<WebhookMetricsMiddleware>();
        app.MapMetrics("/metrics", metrics.Registry);
        return app;
    }
}
