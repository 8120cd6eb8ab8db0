using Hangfire;
using Hangfire.Common;
using Hangfire.Storage.SQLite;
using IaCBot.Core.Recovery;
using IaCBot.Server.Configuration;
using IaCBot.Server.Storage;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Hangfire on SQLite under data_dir: the embedded queue that needs no other service; or, with storage:provider
/// postgres, on the shared database (see <see cref="StorageSetup"/>). The storage and activator
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
            // Workers poll the queue (neither storage wakes them when a job arrives), so a queued job waits half the
            // interval on average before it starts: a whole second of it was half of IaCBot's overhead on a PR plan
            // (README, Performance). Ten workers asking an empty queue four times a second cost nothing measurable.
            var pollInterval = TimeSpan.FromMilliseconds(250);

            // A fetched job is handed out again after this long; a long apply must never look abandoned. A run a
            // crash cut short is found by the job ledger at the next start, not by this timeout, and the ledger
            // turns the late second hand-out into nothing.
            var invisibilityTimeout = TimeSpan.FromHours(12);
            if (StorageSetup.PostgresQueue(sp, pollInterval, invisibilityTimeout) is { } shared)
            {
                return shared;
            }

            // WAL: a commit appends to one log file instead of rewriting pages behind a rollback journal, which took
            // several synced writes per queued job (see README, Performance).
            var options = new SQLiteStorageOptions
            {
                QueuePollInterval = pollInterval,
                InvisibilityTimeout = invisibilityTimeout,
                JournalMode = SQLiteStorageOptions.JournalModes.WAL,
            };
            return new SQLiteStorage(Path.Combine(Path.GetFullPath(dataDir), "jobs.db"), options);
        });
        // Before AddHangfire, which only adds its own (the process-wide filters) when none is registered.
        services.AddSingleton<IJobFilterProvider>(new JobFiltersWithoutCulture(JobFilterProviders.Providers));
        services.AddSingleton<IJobBatchQueue, HangfireJobBatchQueue>();
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddJobRecovery();
        services.AddScoped<WebhookJobs>();
        services.AddScoped<DeliveryClaims>();
        services.AddScoped<RefRunJobs>();
        services.AddScoped<RunEnding>();
        services.AddHostedService<OutboxFlushService>();
        return services;
    }

    /// <summary>
    /// The workers, started after the runs a crash cut short are dealt with, and drained at a stop within
    /// server:shutdown_grace; the host waits for that drain.
    /// </summary>
    private static void AddJobRecovery(this IServiceCollection services)
    {
        services.AddSingleton(ServerInstance.Create());
        services.AddSingleton(sp => ShutdownTimeouts.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
            host.ShutdownTimeout = ShutdownTimeouts.Read(configuration).HostGivesUpAfter);
        services.AddSingleton<JobRuns>();
        services.AddScoped<InterruptedRunHandler>();
        services.AddScoped<InterruptedRefRunHandler>();
        services.AddScoped<InterruptedJobs>();
        services.AddSingleton<StartupRecovery>();
        services.AddHostedService<JobWorkers>();
        services.AddHostedService<RecoverySweep>();
    }
}
