using IaCBot.Core.Ordering;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Observability;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Makes the job of a delivery queued twice harmless. The intake pump queues a job, then marks its delivery queued; a
/// crash in between has the delivery queued again at the next start (or by another replica), so two jobs carry the
/// same delivery. Each claims the delivery as it starts: the queue handing the same job out again still runs it, a
/// second job ends there, and its ticket is closed so that the PR's later commands do not wait for it.
/// </summary>
internal sealed partial class DeliveryClaims(
    IDeliveryStore deliveries,
    PullRequestTurns turns,
    IaCBotMetrics metrics,
    TimeProvider time,
    ILogger<DeliveryClaims> logger)
{
    /// <summary>True when job <paramref name="jobId"/> is to do the work; a job queued without a delivery id always is.</summary>
    public async Task<bool> TryClaimAsync(string? deliveryId, string jobId, PullRequestRef pull, long? ticket, CancellationToken cancellationToken)
    {
        // Jobs queued before delivery ids were passed to them, and work queued again by the recovery, carry none.
        if (deliveryId is null || await deliveries.TryClaimAsync(deliveryId, jobId, time.GetUtcNow(), cancellationToken))
        {
            return true;
        }

        LogClaimedBefore(jobId, deliveryId, pull);
        metrics.DuplicateJobs.Inc();
        if (ticket is { } number)
        {
            await turns.AbandonAsync(pull, number, CancellationToken.None);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ends without running: delivery {DeliveryId} for {Pull} was queued twice and another job does its work")]
    private partial void LogClaimedBefore(string jobId, string deliveryId, PullRequestRef pull);
}
