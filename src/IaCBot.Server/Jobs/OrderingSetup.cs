using IaCBot.Core.Ordering;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Jobs;

/// <summary>Tickets that keep each PR's commands in the order they were delivered.</summary>
internal static class OrderingSetup
{
    public static IServiceCollection AddCommandOrder(this IServiceCollection services)
    {
        services.AddSingleton(sp => OrderingSettings.Default with
        {
            MissingTicketWait = Durations.Parse(sp.GetRequiredService<IOptions<ServerOptions>>().Value.OrderWait),
        });
        services.AddSingleton<PullRequestTurns>();
        return services;
    }
}
