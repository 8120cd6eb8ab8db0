using System.Reflection;
using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
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
/// <see cref="PullRequestTurns"/>) with one more, queues their jobs one by one, marking each queued as soon as its job
/// is, then completes the round. At start it finds what a crash left in the journal; a delivery whose job was queued
/// before the crash is recognised by its record and not queued twice.
/// </summary>
/// <remarks>
/// Each delivery is marked queued on its own, right after its job, rather than with the round: between the two a crash
/// leaves a job that the next start queues again, and that window stays one delivery wide. A round is kept small
/// because a crash between its tickets and its jobs leaves tickets without jobs, which hold up their PRs' later
/// commands until <see cref="OrderingSettings.MissingTicketWait"/>.
/// </remarks>
internal sealed partial class IntakePump(
    IIntakeJournal journal,
    IntakeWriter writer,
    IDeliveryStore deliveries,
    ITicketStore tickets,
    PullRequestTurns turns,
    IBackgroundJobClient jobs,
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
                switch (await PumpAsync(stoppingToken))
                {
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

    /// <summary>Pumps one round of the journal.</summary>
    internal async Task<PumpRound> PumpAsync(CancellationToken cancellationToken)
    {
        var batch = await journal.PendingAsync(instance.Id, RoundSize, cancellationToken);
        if (batch.Count == 0)
        {
            return PumpRound.Empty;
        }

        var round = await PrepareAsync(batch, cancellationToken);
        var next = 0;
        try
        {
            // Stopped at the first that could not be queued, to keep the order: the rest wait for it.
            while (next < round.Count && await QueueAsync(round[next], cancellationToken))
            {
                next++;
            }
        }
        finally
        {
            // One whose job was queued is done even when marking it failed: pumped again, it would be queued twice.
            var done = round.Where((item, i) => i < next || item.Queued).Select(item => item.Journaled).ToList();
            await journal.CompleteAsync(done, CancellationToken.None);
            await AbandonAsync(round.Skip(next), CancellationToken.None);
        }

        return next < round.Count ? PumpRound.Stalled : PumpRound.Done;
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

    /// <summary>True when the delivery needs nothing more (queued now or before, or unreadable); false when the queue refused it.</summary>
    private async Task<bool> QueueAsync(PumpItem item, CancellationToken cancellationToken)
    {
        if (item.Work is null)
        {
            metrics.IntakePumped.WithLabels("unreadable").Inc();
            return true;
        }

        if (item.Ticket is not { } ticket)
        {
            LogQueuedBefore(item.Journaled.Entry.DeliveryId);
            metrics.IntakePumped.WithLabels("duplicate").Inc();
            return true;
        }

        try
        {
            // With the delivery's id: should this process die before MarkQueued, the delivery is queued again, and
            // the job that claims it first is the one that runs (see DeliveryClaims).
            await EnqueueAsync(item.Work, ticket, item.Journaled.Entry.DeliveryId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Its record stays unqueued, so the next round takes it again (see IDeliveryStore.TryRecordAllAsync).
            LogQueueFailed(ex, item.Journaled.Entry.DeliveryId);
            return false;
        }

        // The job is queued whatever happens now: from here on the delivery is done, so it is never queued again.
        item.Queued = true;
        metrics.IntakePumped.WithLabels("queued").Inc();
        await deliveries.MarkQueuedAsync(item.Journaled.Entry.DeliveryId, CancellationToken.None);
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
