using IaCBot.Core.Intake;
using IaCBot.Core.Storage;
using IaCBot.Server.Configuration;
using IaCBot.Server.Jobs;
using IaCBot.Server.Webhooks.Gitea;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Webhooks;

internal static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton(sp => new RepoAllowlist(sp.GetRequiredService<IOptions<ServerOptions>>().Value.RepoAllowlist));
        services.AddSingleton<CommandPrefixFilter>();
        services.AddSingleton<IWebhookSource, GitHubWebhookSource>();
        services.AddSingleton<IWebhookSource, GiteaWebhookSource>();
        services.AddSingleton<IWebhookSource, GitLab.GitLabWebhookSource>();
        services.AddScoped<WebhookEndpoint>();
        services.AddSingleton(sp => new IntakeWriter(sp.GetRequiredService<IIntakeJournal>(), sp.GetRequiredService<ServerInstance>().Id, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<IntakePump>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/events", (HttpContext context, WebhookEndpoint endpoint) => endpoint.HandleAsync(context));
        return endpoints;
    }
}
