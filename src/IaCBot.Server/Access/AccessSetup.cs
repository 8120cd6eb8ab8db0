using IaCBot.Core.Access;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Access;

/// <summary>Who may do what: the fork policy, command permissions and the apply lock, from the server's settings.</summary>
internal static class AccessSetup
{
    public static IServiceCollection AddCommandAccess(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ForkPolicy(sp.GetRequiredService<IOptions<ServerOptions>>().Value.AllowForkPrs));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ServerOptions>>().Value.EffectiveCommandPermissions);
        services.AddScoped<PermissionChecker>();
        services.AddScoped<ApplyLockGuard>();
        services.AddScoped<CommandGate>();
        return services;
    }
}
