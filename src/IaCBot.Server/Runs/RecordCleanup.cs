using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Runs;

/// <summary>
/// Deletes the records of runs that ended more than <c>server:run_retention</c> ago, and those of webhook deliveries
/// (with their jobs' claims) older than <see cref="DeliveryRetention"/>: at start-up, then once a day, as
/// <see cref="RunLogCleanup"/> does for the runs' logs. Replicas sharing PostgreSQL all run it; the stores make that
/// harmless.
/// </summary>
internal sealed partial class RecordCleanup(
    IRunHistory history,
    IDeliveryStore deliveries,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<RecordCleanup> logger) : DailyCleanup(time)
{
    /// <summary>
    /// How long a delivery's id is remembered, so that a redelivery does nothing twice: far past the few days a Git
    /// host offers a delivery for sending again, and past the last retry of any job.
    /// </summary>
    public static readonly TimeSpan DeliveryRetention = TimeSpan.FromDays(14);

    /// <summary>One pass: the run records, then the delivery records; one failing does not keep the other.</summary>
    internal override async Task CleanUpOnceAsync(CancellationToken cancellationToken)
    {
        await CleanUpRunsAsync(RetentionPeriod.Parse(options.Value.RunRetention), cancellationToken);
        await CleanUpDeliveriesAsync(cancellationToken);
    }

    private async Task CleanUpRunsAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await history.DeleteFinishedBeforeAsync(Cutoff(Time.GetUtcNow(), retention), cancellationToken);
            if (deleted > 0)
            {
                LogDeletedRuns(deleted, retention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down for a moment: the run pages still work, and tomorrow's clean-up catches up.
            LogFailed(ex, "run records");
        }
    }

    private async Task CleanUpDeliveriesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await deliveries.DeleteQueuedBeforeAsync(Time.GetUtcNow() - DeliveryRetention, cancellationToken);
            if (deleted > 0)
            {
                LogDeletedDeliveries(deleted, DeliveryRetention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, "delivery records");
        }
    }

    /// <summary>A retention of centuries (a way to keep runs for good) reaches back past the first date there is.</summary>
    private static DateTimeOffset Cutoff(DateTimeOffset now, TimeSpan retention) =>
        retention < now - DateTimeOffset.MinValue ? now - retention : DateTimeOffset.MinValue;

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the records of {Count} runs that ended more than {Retention} ago")]
    private partial void LogDeletedRuns(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the records of {Count} webhook deliveries received more than {Retention} ago")]
    private partial void LogDeletedDeliveries(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old {What}; trying again tomorrow")]
    private partial void LogFailed(Exception exception, string what);
}
