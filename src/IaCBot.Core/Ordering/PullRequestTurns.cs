using IaCBot.Core.Outbox;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Ordering;

/// <summary>
/// Runs a PR's commands one at a time in the order GitHub delivered them. Each delivery gets the PR's next ticket
/// at intake; a job then waits while an earlier ticket of its PR is queued or running. The queue may hand jobs to
/// workers in any order, so without this a later comment could overtake an earlier one.
/// </summary>
/// <remarks>
/// A ticket stops blocking the ones after it when its job ends, when it could not be queued, when it was taken by
/// an earlier run of the server (which stopped under it), or when it stays queued, unclaimed, for longer than
/// <see cref="OrderingSettings.MissingTicketWait"/>: then the PR is told that order was given up.
/// </remarks>
public sealed partial class PullRequestTurns(
    ITicketStore tickets,
    PullRequestNotifier notifier,
    OrderingSettings settings,
    TimeProvider time,
    ILogger<PullRequestTurns> logger)
{
    /// <summary>This server run; a claim by any other run is one its stop cut short.</summary>
    private readonly string _runId = Guid.NewGuid().ToString("N");

    private readonly Dictionary<PullRequestRef, TaskCompletionSource> _changes = [];

    public Task<long> IssueAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        tickets.IssueAsync(pull, time.GetUtcNow(), cancellationToken);

    /// <summary>Closes a ticket whose job will never run (it could not be queued), so that it blocks nobody.</summary>
    public Task AbandonAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken) =>
        CloseAsync(pull, ticket, cancellationToken);

    /// <summary>
    /// Waits until every earlier ticket of the PR is closed or gone, then returns the turn. Cancelled (the server is
    /// stopping), the ticket goes back to the queue, as its job does.
    /// </summary>
    public async Task<Turn> WaitAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        if (!await tickets.ClaimAsync(pull, ticket, _runId, cancellationToken))
        {
            // Given up on by the commands after it, or run before: its place in the order is gone.
            LogNotOpen(pull, ticket);
            return new Turn(this, pull, ticket);
        }

        try
        {
            await WaitForEarlierAsync(pull, ticket, cancellationToken);
            return new Turn(this, pull, ticket);
        }
        catch (OperationCanceledException)
        {
            await tickets.UnclaimAsync(pull, ticket, CancellationToken.None);
            throw;
        }
    }

    internal async Task CloseAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        await tickets.CloseAsync(pull, ticket, cancellationToken);
        TaskCompletionSource? changed;
        lock (_changes)
        {
            _changes.Remove(pull, out changed);
        }

        changed?.TrySetResult();
    }

    private async Task WaitForEarlierAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        var unclaimedSince = new Dictionary<long, DateTimeOffset>();
        var logged = false;
        while (true)
        {
            var changed = Changes(pull);
            var earlier = await tickets.OpenBeforeAsync(pull, ticket, cancellationToken);
            var blocking = earlier.Where(t => t.ClaimedBy is null || t.ClaimedBy == _runId).ToList();
            if (blocking.Count == 0)
            {
                return;
            }

            // The wait for a ticket no job has taken counts from when this job first saw it, not from its issue:
            // after a restart every queued ticket is old, and their jobs are about to be taken.
            var now = time.GetUtcNow();
            var unclaimed = blocking.Where(t => t.ClaimedBy is null).ToList();
            unclaimed.ForEach(t => unclaimedSince.TryAdd(t.Number, now));
            var overdue = unclaimed.Where(t => now - unclaimedSince[t.Number] >= settings.MissingTicketWait).ToList();
            if (overdue.Count > 0)
            {
                await GiveUpAsync(pull, ticket, overdue, cancellationToken);
                continue;
            }

            if (!logged)
            {
                LogWaiting(pull, ticket, blocking.Count, blocking[0].Number);
                logged = true;
            }

            await Task.WhenAny(changed, Task.Delay(settings.PollInterval, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task GiveUpAsync(PullRequestRef pull, long ticket, IReadOnlyList<PullRequestTicket> overdue, CancellationToken cancellationToken)
    {
        foreach (var missing in overdue)
        {
            LogGaveUp(pull, ticket, missing.Number, settings.MissingTicketWait);
            await CloseAsync(pull, missing.Number, cancellationToken);
        }

        await notifier.CommentAsync(pull, GaveUpReply(overdue.Count), cancellationToken);
    }

    private string GaveUpReply(int count) =>
        $"IaCBot waited {Describe(settings.MissingTicketWait)} for {(count == 1 ? "an earlier command" : $"{count} earlier commands")} "
        + "on this pull request that never started, and went on without it. Replies may now come in a different order "
        + "from the comments; check that each command you sent got its reply.";

    private static string Describe(TimeSpan wait) =>
        wait.TotalMinutes >= 1 ? $"{wait.TotalMinutes:0.#} min" : $"{wait.TotalSeconds:0.#} s";

    private Task Changes(PullRequestRef pull)
    {
        lock (_changes)
        {
            if (!_changes.TryGetValue(pull, out var changed))
            {
                changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _changes[pull] = changed;
            }

            return changed.Task;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull} ticket {Ticket} waits for {Count} earlier command(s), first ticket {First}")]
    private partial void LogWaiting(PullRequestRef pull, long ticket, int count, long first);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pull} ticket {Ticket} is no longer open (given up on, or run before); it runs without waiting")]
    private partial void LogNotOpen(PullRequestRef pull, long ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pull} ticket {Ticket} stopped waiting for ticket {Missing}, which no job took within {Wait}")]
    private partial void LogGaveUp(PullRequestRef pull, long ticket, long missing, TimeSpan wait);
}
