using IaCBot.Server.Runs;

namespace IaCBot.Server.Api;

/// <summary>The admin API under <c>/api</c>, every route behind <see cref="ApiTokenFilter"/>.</summary>
internal static class ApiSetup
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddSingleton<RunLogFiles>();
        services.AddHostedService<RunHistoryRecovery>();
        services.AddScoped<LockRelease>();
        services.AddScoped<CommandQueue>();
        services.AddScoped<RefCommandQueue>();
        return services;
    }

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApplyLock();
        endpoints.MapLockApi();
        endpoints.MapRunApi();
        endpoints.MapCommandApi();
        return endpoints;
    }
}
