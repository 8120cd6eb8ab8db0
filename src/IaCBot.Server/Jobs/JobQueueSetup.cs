using Hangfire;
using Hangfire.Storage.SQLite;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Hangfire on SQLite under data_dir: the embedded queue that needs no other service. The storage and activator
/// are this app's own services, not Hangfire's process-wide statics, so that two apps in one process (as in tests)
/// never share a queue.
/// </summary>
internal static class JobQueueSetup
{
    public static IServiceCollection AddJobQueue(this IServiceCollection services)
    {
        services.AddSingleton<JobStorage>(sp =>
        {
            var dataDir = sp.GetRequiredService<IOptions<ServerOptions>>().Value.DataDir;
            var options = new SQLiteStorageOptions
            {
                // Workers poll the queue; a second keeps replies quick without load worth measuring.
                QueuePollInterval = TimeSpan.FromSeconds(1),

                // A fetched job is handed out again after this long; a long apply must never look abandoned. The
                // job ledger catches what is handed out twice anyway.
                InvisibilityTimeout = TimeSpan.FromHours(12),
            };
            return new SQLiteStorage(Path.Combine(Path.GetFullPath(dataDir), "jobs.db"), options);
        });
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer((_, options) =>
        {
            options.WorkerCount = 10;
            options.ServerName = $"iacbot-{Environment.MachineName}-{Environment.ProcessId}";
        });
        services.AddScoped<WebhookJobs>();
        services.AddHostedService<OutboxFlushService>();
        return services;
    }
}
