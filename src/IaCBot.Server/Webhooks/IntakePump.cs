using System.Reflection;
using System.Text.Json;
using Hangfire.Common;
using IaCBot.Core.Events;
using IaCBot.Core.Intake;
using IaCBot.Core.Ordering;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Jobs;
using IaCBot.Server.Observability;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// Queues the jobs of the deliveries in the intake journal, oldest first, off the request path, a round at a time:
/// records the round's deliveries (dedupe) with one commit, gives them their PRs' next tickets (see
/// <see cref="PullRequestTurns"/>) with one more, queues their jobs together (see <see cref="IJobBatchQueue"/>), marks
/// them queued with one more, then completes the round. At start it finds what a crash left in the journal; a delivery
/// whose job was queued before the crash is recognised by its record and not queued twice.
/// </summary>
/// <remarks>
/// A crash between queueing a round's jobs and marking them queued leaves jobs that the next start queues again; each
/// job claims its delivery as it starts (see <see cref="DeliveryClaims"/>), so the second of two does nothing. A round
/// is kept small because a crash between its tickets and its jobs leaves tickets without jobs, which hold up their PRs'
/// later commands until <see cref="OrderingSettings.MissingTicketWait"/>.
/// </remarks>
internal sealed partial class IntakePump(
    IIntakeJournal journal,
    IntakeWriter writer,
    IDeliveryStore deliveries,
    ITicketStore tickets,
    PullRequestTurns turns,
    IJobBatchQueue queue,
    ServerInstance instance,
    IaCBotMetrics metrics,
    TimeProvider time,
    ILogger<IntakePump> logger) : BackgroundService
{
    /// <summary>Deliveries per round: 32 commits become about one, and a crash strands at most this many tickets.</summary>
    internal const int RoundSize = 32;

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
                var flushes = writer.Flushes;
                var started = time.GetTimestamp();
                var round = await PumpAsync(stoppingToken);
                switch (round)
                {
                    case PumpRound.Done:
                        await Task.Delay(RestAfter(time.GetElapsedTime(started), deliveriesArrived: writer.Flushes != flushes), time, stoppingToken);
                        break;
                    case PumpRound.Empty:
                        await writer.WaitForAppendAsync(IdlePoll, stoppingToken);
                        break;
                    case PumpRound.Stalled:
                        await Task.Delay(RetryDelay, time, stoppingToken);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPumpFailed(ex);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// How long the pump rests after a round that took <paramref name="took"/>: as long again while deliveries arrive,
    /// so that it never holds the cores for more than half the time from the endpoint that answers them; not at all
    /// otherwise. At a steady 500 deliveries/s on 2 cores a pump at full speed put the webhook answers' p99 over 20 ms
    /// (bench: intake mode); resting, it still queues 110-230 deliveries/s then, and catches up at full speed after.
    /// </summary>
    internal static TimeSpan RestAfter(TimeSpan took, bool deliveriesArrived) => deliveriesArrived ? took : TimeSpan.Zero;

    /// <summary>Pumps one round of the journal.</summary>
    internal async Task<PumpRound> PumpAsync(CancellationToken cancellationToken)
    {
        var batch = await journal.PendingAsync(instance.Id, RoundSize, cancellationToken);
        if (batch.Count == 0)
        {
            return PumpRound.Empty;
        }

        var round = await PrepareAsync(batch, cancellationToken);
        var queued = false;
        try
        {
            queued = await QueueAsync(round, cancellationToken);
        }
        finally
        {
            // One whose job was queued is done even when marking it failed: pumped again, it would be queued twice.
            // One that needs no job is done whatever happened to the others.
            var done = round.Where(item => item.Queued || item.Ticket is null).Select(item => item.Journaled).ToList();
            await journal.CompleteAsync(done, CancellationToken.None);
            await AbandonAsync(round, CancellationToken.None);
        }

        return queued ? PumpRound.Done : PumpRound.Stalled;
    }

    /// <summary>Reads the round's entries, records them and issues the tickets of those taken, a commit for each step.</summary>
    private async Task<List<PumpItem>> PrepareAsync(IReadOnlyList<JournaledDelivery> batch, CancellationToken cancellationToken)
    {
        var readable = batch.Select(j => (Journaled: j, Work: Read(j.Entry))).ToList();
        var toRecord = readable.Where(r => r.Work is not null).ToList();
        var recorded = await deliveries.TryRecordAllAsync([.. toRecord.Select(r => r.Journaled.Entry)], instance.Id, cancellationToken);
        var taken = toRecord.Where((_, i) => recorded[i]).ToList();
        var numbers = await tickets.IssueAllAsync([.. taken.Select(t => Pull(t.Work!))], time.GetUtcNow(), cancellationToken);
        var ticketOf = taken.Select((t, i) => (t.Journaled.Sequence, Ticket: numbers[i])).ToDictionary(t => t.Sequence, t => t.Ticket);
        return [.. readable.Select(r => new PumpItem(r.Journaled, r.Work, ticketOf.TryGetValue(r.Journaled.Sequence, out var n) ? n : null))];
    }

    /// <summary>
    /// Queues the jobs of the round's deliveries that need one, all or none (so their order holds), and marks them
    /// queued with one commit; false when the queue refused them. The others were queued before or are unreadable.
    /// </summary>
    private async Task<bool> QueueAsync(IReadOnlyList<PumpItem> round, CancellationToken cancellationToken)
    {
        foreach (var item in round.Where(i => i.Ticket is null))
        {
            if (item.Work is null)
            {
                metrics.IntakePumped.WithLabels("unreadable").Inc();
                continue;
            }

            LogQueuedBefore(item.Journaled.Entry.DeliveryId);
            metrics.IntakePumped.WithLabels("duplicate").Inc();
        }

        var toQueue = round.Where(i => i.Ticket is not null).ToList();
        if (toQueue.Count == 0)
        {
            return true;
        }

        try
        {
            // With each delivery's id: should this process die before MarkQueued, the delivery is queued again, and
            // the job that claims it first is the one that runs (see DeliveryClaims).
            await EnqueueAsync(toQueue, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Their records stay unqueued, so the next round takes them again (see IDeliveryStore.TryRecordAllAsync).
            LogQueueFailed(ex, toQueue.Count, toQueue[0].Journaled.Entry.DeliveryId);
            return false;
        }

        // The jobs are queued whatever happens now: from here on the deliveries are done, so never queued again.
        foreach (var item in toQueue)
        {
            item.Queued = true;
        }

        metrics.IntakePumped.WithLabels("queued").Inc(toQueue.Count);
        await deliveries.MarkQueuedAsync([.. toQueue.Select(i => i.Journaled.Entry.DeliveryId)], CancellationToken.None);
        return true;
    }

    /// <summary>A ticket without a job would hold up the PR's later commands.</summary>
    private async Task AbandonAsync(IEnumerable<PumpItem> notQueued, CancellationToken cancellationToken)
    {
        foreach (var item in notQueued.Where(i => i is { Ticket: not null, Queued: false }))
        {
            await turns.AbandonAsync(Pull(item.Work!), item.Ticket!.Value, cancellationToken);
        }
    }

    private static PullRequestRef Pull(QueuedWork work) => work.PullRequest?.Pull.Ref ?? work.Comment!.Pull;

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
    /// times before the round waits for the next try.
    /// </summary>
    private async Task EnqueueAsync(IReadOnlyList<PumpItem> items, CancellationToken cancellationToken)
    {
        var batch = items.Select(Job).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                queue.EnqueueAll(batch);
                return;
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
    private static Job Job(PumpItem item)
    {
        var deliveryId = item.Journaled.Entry.DeliveryId;
        var ticket = item.Ticket!.Value;
        return item.Work!.PullRequest is { } pr
            ? new Job(typeof(WebhookJobs), PullRequestMethod, pr with { Ticket = ticket }, deliveryId, null, CancellationToken.None)
            : new Job(typeof(WebhookJobs), CommentMethod, item.Work.Comment! with { Ticket = ticket }, deliveryId, null, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} was queued before; not queued again")]
    private partial void LogQueuedBefore(string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job queue refused a round of jobs (attempt {Attempt}); asking again")]
    private partial void LogQueueBusy(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the jobs of {Count} deliveries from {DeliveryId} on; they stay in the intake journal and are tried again")]
    private partial void LogQueueFailed(Exception exception, int count, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped delivery {DeliveryId} from the intake journal: its entry cannot be read")]
    private partial void LogUnreadable(Exception exception, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The intake pump failed; trying again shortly")]
    private partial void LogPumpFailed(Exception exception);
}
