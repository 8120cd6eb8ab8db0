using System.Reflection;
using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using IaCBot.Core.Events;
using IaCBot.Core.Intake;
using IaCBot.Core.Ordering;
using IaCBot.Core.Storage;
using IaCBot.Server.Jobs;
using IaCBot.Server.Observability;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// Queues the jobs of the deliveries in the intake journal, oldest first, off the request path: records each delivery
/// (dedupe), gives it its PR's next ticket (see <see cref="PullRequestTurns"/>), queues its job, then completes the
/// batch. At start it finds what a crash left in the journal; a delivery whose job was queued before the crash is
/// recognised by its record and not queued twice.
/// </summary>
internal sealed partial class IntakePump(
    IIntakeJournal journal,
    IntakeWriter writer,
    IDeliveryStore deliveries,
    PullRequestTurns turns,
    IBackgroundJobClient jobs,
    ServerInstance instance,
    IaCBotMetrics metrics,
    TimeProvider time,
    ILogger<IntakePump> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private const int EnqueueAttempts = 4;

    /// <summary>How often an idle pump looks at the journal: with a shared store, for what a dead replica left.</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private static readonly MethodInfo PullRequestMethod = typeof(WebhookJobs).GetMethod(nameof(WebhookJobs.PullRequestDeliveryAsync))!;

    private static readonly MethodInfo CommentMethod = typeof(WebhookJobs).GetMethod(nameof(WebhookJobs.CommentDeliveryAsync))!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await PumpAsync(stoppingToken))
                {
                    await writer.WaitForAppendAsync(IdlePoll, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPumpFailed(ex);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    /// <summary>Pumps one batch; false when the journal was empty.</summary>
    private async Task<bool> PumpAsync(CancellationToken cancellationToken)
    {
        var batch = await journal.PendingAsync(instance.Id, BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return false;
        }

        var done = new List<JournaledDelivery>(batch.Count);
        try
        {
            foreach (var entry in batch)
            {
                // Stopped at the first that could not be queued, to keep the order: the rest wait for it.
                if (!await QueueAsync(entry.Entry, cancellationToken))
                {
                    await Task.Delay(RetryDelay, time, cancellationToken);
                    break;
                }

                done.Add(entry);
            }
        }
        finally
        {
            await journal.CompleteAsync(done, CancellationToken.None);
        }

        return true;
    }

    /// <summary>True when the delivery's job is queued, now or before; false when the queue refused it.</summary>
    private async Task<bool> QueueAsync(IntakeEntry entry, CancellationToken cancellationToken)
    {
        if (Read(entry) is not { } work)
        {
            metrics.IntakePumped.WithLabels("unreadable").Inc();
            return true;
        }

        if (!await deliveries.TryRecordAsync(entry.DeliveryId, entry.EventName, entry.ReceivedAt, instance.Id, cancellationToken))
        {
            LogQueuedBefore(entry.DeliveryId);
            metrics.IntakePumped.WithLabels("duplicate").Inc();
            return true;
        }

        var pull = work.PullRequest?.Pull.Ref ?? work.Comment!.Pull;
        var ticket = await turns.IssueAsync(pull, cancellationToken);
        string? jobId = null;
        try
        {
            // With the delivery's id: should this process die before MarkQueued, the delivery is queued again, and
            // the job that claims it first is the one that runs (see DeliveryClaims).
            jobId = await EnqueueAsync(work, ticket, entry.DeliveryId, cancellationToken);
            await deliveries.MarkQueuedAsync(entry.DeliveryId, CancellationToken.None);
            metrics.IntakePumped.WithLabels("queued").Inc();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unrecorded, so that the next attempt takes it again.
            await deliveries.ForgetAsync(entry.DeliveryId, CancellationToken.None);
            LogQueueFailed(ex, entry.DeliveryId);
            return false;
        }
        finally
        {
            // A ticket without a job would hold up the PR's later commands.
            if (jobId is null)
            {
                await turns.AbandonAsync(pull, ticket, CancellationToken.None);
            }
        }
    }

    /// <summary>An entry no server can read is dropped rather than left to hold up every delivery after it.</summary>
    private QueuedWork? Read(IntakeEntry entry)
    {
        try
        {
            return QueuedWork.FromJson(entry.Work);
        }
        catch (JsonException ex)
        {
            LogUnreadable(ex, entry.DeliveryId);
            return null;
        }
    }

    /// <summary>
    /// The embedded queue is a SQLite file that a worker may hold for a moment, so a busy queue is asked again a few
    /// times before the delivery waits for the next round.
    /// </summary>
    private async Task<string> EnqueueAsync(QueuedWork work, long ticket, string deliveryId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return work.PullRequest is { } pr
                    ? Enqueue(PullRequestMethod, pr with { Ticket = ticket }, deliveryId)
                    : Enqueue(CommentMethod, work.Comment! with { Ticket = ticket }, deliveryId);
            }
            catch (Exception ex) when (attempt < EnqueueAttempts && ex is not (OperationCanceledException or InvalidOperationException))
            {
                LogQueueBusy(ex, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The job is built from its method rather than from a lambda: Hangfire compiles a lambda's captured arguments
    /// into a delegate on every call, which made the JIT compiler the largest CPU cost of intake.
    /// </summary>
    private string Enqueue(MethodInfo method, object e, string deliveryId) =>
        jobs.Create(new Job(typeof(WebhookJobs), method, e, deliveryId, null, CancellationToken.None), new EnqueuedState());

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} was queued before; not queued again")]
    private partial void LogQueuedBefore(string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job queue refused a delivery (attempt {Attempt}); asking again")]
    private partial void LogQueueBusy(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue delivery {DeliveryId}; it stays in the intake journal and is tried again")]
    private partial void LogQueueFailed(Exception exception, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped delivery {DeliveryId} from the intake journal: its entry cannot be read")]
    private partial void LogUnreadable(Exception exception, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The intake pump failed; trying again shortly")]
    private partial void LogPumpFailed(Exception exception);
}
