using IaCBot.Core.RunLogs;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Runs;

/// <summary>Deletes runs' logs older than <c>server:log_retention</c>: at start-up, then once a day.</summary>
internal sealed partial class RunLogCleanup(
    RunLogSettings settings,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<RunLogCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = RetentionPeriod.Parse(options.Value.LogRetention);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            // The walk is blocking file-system work: keep it off the thread that starts the host.
            await Task.Run(() => CleanUp(retention), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void CleanUp(TimeSpan retention)
    {
        try
        {
            var deleted = RunLogRetention.DeleteOlderThan(settings.LogsDirectory, time.GetUtcNow() - retention);
            if (deleted > 0)
            {
                LogDeleted(deleted, retention);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFailed(ex, settings.LogsDirectory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} run logs older than {Retention}")]
    private partial void LogDeleted(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clean up the run logs in {Folder}; trying again tomorrow")]
    private partial void LogFailed(Exception exception, string folder);
}
