using IaCBot.Core.RunHistory;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Runs;

/// <summary>
/// Deletes the records of runs that ended more than <c>server:run_retention</c> ago: at start-up, then once a day,
/// as <see cref="RunLogCleanup"/> does for their logs. Replicas sharing PostgreSQL all run it; the store makes that
/// harmless.
/// </summary>
internal sealed partial class RunHistoryCleanup(
    IRunHistory history,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<RunHistoryCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = RetentionPeriod.Parse(options.Value.RunRetention);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await CleanUpAsync(retention, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CleanUpAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await history.DeleteFinishedBeforeAsync(Cutoff(time.GetUtcNow(), retention), cancellationToken);
            if (deleted > 0)
            {
                LogDeleted(deleted, retention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down for a moment: the run pages still work, and tomorrow's clean-up catches up.
            LogFailed(ex);
        }
    }

    /// <summary>A retention of centuries (a way to keep runs for good) reaches back past the first date there is.</summary>
    private static DateTimeOffset Cutoff(DateTimeOffset now, TimeSpan retention) =>
        retention < now - DateTimeOffset.MinValue ? now - retention : DateTimeOffset.MinValue;

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the records of {Count} runs that ended more than {Retention} ago")]
    private partial void LogDeleted(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old run records; trying again tomorrow")]
    private partial void LogFailed(Exception exception);
}
