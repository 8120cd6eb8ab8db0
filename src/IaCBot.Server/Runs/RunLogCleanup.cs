using IaCBot.Core.RunLogs;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Runs;

/// <summary>
/// Deletes runs' logs older than <c>server:log_retention</c>, the files on this replica's disk and the copies in the
/// store: at start-up, then once a day. Replicas sharing a store each delete the same old copies; that is harmless.
/// </summary>
internal sealed partial class RunLogCleanup(
    RunLogSettings settings,
    IRunLogStore store,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<RunLogCleanup> logger) : DailyCleanup(time)
{
    /// <summary>One pass: the files on this replica's disk, then the copies in the store.</summary>
    internal override async Task CleanUpOnceAsync(CancellationToken cancellationToken)
    {
        var retention = RetentionPeriod.Parse(options.Value.LogRetention);
        // The walk is blocking file-system work: keep it off the thread that starts the host.
        await Task.Run(() => CleanUp(retention), cancellationToken);
        await CleanUpStoredAsync(retention, cancellationToken);
    }

    private void CleanUp(TimeSpan retention)
    {
        try
        {
            var deleted = RunLogRetention.DeleteOlderThan(settings.LogsDirectory, Time.GetUtcNow() - retention);
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

    private async Task CleanUpStoredAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await store.DeleteOlderThanAsync(Time.GetUtcNow() - retention, cancellationToken);
            if (deleted > 0)
            {
                LogDeletedStored(deleted, retention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoredFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stored run logs older than {Retention}")]
    private partial void LogDeletedStored(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the old run logs in the store; trying again tomorrow")]
    private partial void LogStoredFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} run logs older than {Retention}")]
    private partial void LogDeleted(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clean up the run logs in {Folder}; trying again tomorrow")]
    private partial void LogFailed(Exception exception, string folder);
}
