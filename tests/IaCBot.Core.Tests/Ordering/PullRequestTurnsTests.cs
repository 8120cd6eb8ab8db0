using IaCBot.Core.Ordering;
using IaCBot.Core.Outbox;
using IaCBot.Core.Redaction;
using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.Ordering;

public sealed class PullRequestTurnsTests
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");
    private static readonly PullRequestRef Pull = new(Repo, 7);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    private readonly InMemoryTicketStore _store = new();
    private readonly ScriptedVcsClient _vcs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly OrderingSettings _settings = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
    private readonly PullRequestTurns _turns;

    public PullRequestTurnsTests()
    {
        var outbox = new InMemoryOutboxStore();
        var dispatcher = new OutboxDispatcher(outbox, _vcs, OutboxSettings.Default, _time, Redactor.None, NullLogger<OutboxDispatcher>.Instance);
        var notifier = new PullRequestNotifier(outbox, dispatcher, _vcs, _time, Redactor.None);
        _turns = new PullRequestTurns(_store, notifier, _settings, _time, NullLogger<PullRequestTurns>.Instance);
    }

    [Fact]
    public async Task A_command_waits_until_the_earlier_command_of_its_pull_request_has_finished()
    {
        var first = await IssueAsync(Pull);
        var second = await IssueAsync(Pull);
        var firstTurn = await _turns.WaitAsync(Pull, first, CancellationToken.None);

        var secondTurn = _turns.WaitAsync(Pull, second, CancellationToken.None);
        Assert.False(secondTurn.IsCompleted);

        await firstTurn.DisposeAsync();
        await (await secondTurn.WaitAsync(Cap)).DisposeAsync();
    }

    [Fact]
    public async Task Commands_are_served_in_ticket_order_whatever_order_their_jobs_start_in()
    {
        var tickets = new[] { await IssueAsync(Pull), await IssueAsync(Pull), await IssueAsync(Pull) };

        var third = _turns.WaitAsync(Pull, tickets[2], CancellationToken.None);
        var second = _turns.WaitAsync(Pull, tickets[1], CancellationToken.None);
        var first = _turns.WaitAsync(Pull, tickets[0], CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);
        await (await first).DisposeAsync();
        var secondTurn = await second.WaitAsync(Cap);
        Assert.False(third.IsCompleted);
        await secondTurn.DisposeAsync();
        await (await third.WaitAsync(Cap)).DisposeAsync();
    }

    [Fact]
    public async Task Commands_of_another_pull_request_do_not_wait()
    {
        var held = await _turns.WaitAsync(Pull, await IssueAsync(Pull), CancellationToken.None);
        var other = Pull with { Number = 8 };

        var otherTurn = _turns.WaitAsync(other, await IssueAsync(other), CancellationToken.None);

        Assert.True(otherTurn.IsCompletedSuccessfully);
        await held.DisposeAsync();
    }

    [Fact]
    public async Task An_earlier_command_that_is_still_running_is_waited_for_however_long_it_takes()
    {
        var running = await _turns.WaitAsync(Pull, await IssueAsync(Pull), CancellationToken.None);
        var next = _turns.WaitAsync(Pull, await IssueAsync(Pull), CancellationToken.None);

        await AdvanceUntilAsync(next, TimeSpan.FromHours(2), step: TimeSpan.FromMinutes(10));

        Assert.False(next.IsCompleted);
        await running.DisposeAsync();
        await (await next.WaitAsync(Cap)).DisposeAsync();
    }

    [Fact]
    public async Task A_ticket_that_could_not_be_queued_blocks_nobody()
    {
        var lost = await IssueAsync(Pull);
        var next = await IssueAsync(Pull);

        await _turns.AbandonAsync(Pull, lost, CancellationToken.None);

        Assert.True(_turns.WaitAsync(Pull, next, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_ticket_taken_by_an_earlier_run_of_the_server_blocks_nobody()
    {
        var cutShort = await IssueAsync(Pull);
        await _store.ClaimAsync(Pull, cutShort, "a-run-that-stopped", CancellationToken.None);

        var next = _turns.WaitAsync(Pull, await IssueAsync(Pull), CancellationToken.None);

        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task An_earlier_ticket_no_job_takes_is_given_up_after_the_wait_and_the_pull_request_told()
    {
        var missing = await IssueAsync(Pull);
        var next = _turns.WaitAsync(Pull, await IssueAsync(Pull), CancellationToken.None);

        var waited = await AdvanceUntilAsync(next, TimeSpan.FromMinutes(10), step: TimeSpan.FromSeconds(10));

        Assert.True(next.IsCompletedSuccessfully);
        Assert.True(waited >= _settings.MissingTicketWait, $"gave up after {waited}");
        Assert.Null(_store.Find(Pull, missing));
        var comment = Assert.Single(_vcs.Comments);
        Assert.Contains("never started", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_given_up_on_runs_without_waiting_when_its_job_turns_up_late()
    {
        var running = await _turns.WaitAsync(Pull, await IssueAsync(Pull), CancellationToken.None);
        var late = await IssueAsync(Pull);
        await _store.CloseAsync(Pull, late, CancellationToken.None);

        Assert.True(_turns.WaitAsync(Pull, late, CancellationToken.None).IsCompletedSuccessfully);
        await running.DisposeAsync();
    }

    [Fact]
    public async Task A_wait_cut_short_by_a_stop_gives_the_ticket_back_for_the_job_to_take_again()
    {
        var running = await _turns.WaitAsync(Pull, await IssueAsync(Pull), CancellationToken.None);
        var ticket = await IssueAsync(Pull);
        using var stopping = new CancellationTokenSource();
        var next = _turns.WaitAsync(Pull, ticket, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Cap));
        Assert.Null(_store.Find(Pull, ticket)!.ClaimedBy);
        await running.DisposeAsync();
    }

    private Task<long> IssueAsync(PullRequestRef pull) => _turns.IssueAsync(pull, CancellationToken.None);

    /// <summary>Moves fake time on in steps until the task completes or <paramref name="limit"/> has passed; returns the time moved.</summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Task task, TimeSpan limit, TimeSpan step)
    {
        var moved = TimeSpan.Zero;
        while (!task.IsCompleted && moved < limit)
        {
            _time.Advance(step);
            moved += step;

            // Lets the waiter's continuation run before the next step; fake time does not move meanwhile.
            await Task.WhenAny(task, Task.Delay(20));
        }

        return moved;
    }
}
