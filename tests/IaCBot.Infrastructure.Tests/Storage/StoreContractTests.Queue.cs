using IaCBot.Core.Outbox;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>The contract of the stores behind intake and the queue: deliveries, the outbox, the job ledger and tickets.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_delivery_id_is_taken_once_until_it_is_forgotten()
    {
        Assert.True(await Store.Deliveries.TryRecordAsync("d-1", "pull_request", Now, "server-a", CancellationToken.None));
        await Store.Deliveries.MarkQueuedAsync(["d-1"], CancellationToken.None);
        await ReopenAsync();
        var deliveries = Store.Deliveries;
        Assert.False(await deliveries.TryRecordAsync("d-1", "pull_request", Now, "server-b", CancellationToken.None));
        await deliveries.ForgetAsync("d-1", CancellationToken.None);
        Assert.True(await deliveries.TryRecordAsync("d-1", "pull_request", Now, "server-b", CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_a_stopped_server_recorded_but_never_queued_is_taken_by_the_next_one()
    {
        Assert.True(await Store.Deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-a", CancellationToken.None));
        await ReopenAsync();
        var deliveries = Store.Deliveries;

        Assert.True(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-b", CancellationToken.None));
        Assert.False(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-b", CancellationToken.None));
    }

    [Fact]
    public async Task Of_twenty_servers_receiving_one_delivery_at_once_exactly_one_takes_it()
    {
        var deliveries = Store.Deliveries;

        var taken = await Task.WhenAll(Enumerable.Range(1, 20).Select(n =>
            Task.Run(() => deliveries.TryRecordAsync("d-race", "issue_comment", Now, "server-1", CancellationToken.None))));

        Assert.Single(taken, t => t);
    }

    [Fact]
    public async Task The_outbox_keeps_its_order_across_a_restart()
    {
        await Store.Outbox.AddAsync(Message("first"), CancellationToken.None);
        var status = new CommitStatus("iacbot/plan", CommitState.Success, "1/1 projects planned", "https://iacbot.example.com/runs/1");
        await Store.Outbox.AddAsync(Message("second") with { Status = status, CommitSha = "6dcb09b5" }, CancellationToken.None);

        await ReopenAsync();
        var outbox = Store.Outbox;
        var third = await outbox.AddAsync(Message("third"), CancellationToken.None);
        var pending = await outbox.ListPendingAsync(Pull(1), CancellationToken.None);

        Assert.Equal(["first", "second", "third"], pending.Select(m => m.Body));
        Assert.Equal(status, pending[1].Status);
        Assert.Equal("6dcb09b5", pending[1].CommitSha);
        Assert.True(third.Sequence > pending[1].Sequence);
        Assert.Empty(await outbox.ListPendingAsync(Pull(2), CancellationToken.None));
    }

    [Fact]
    public async Task An_updated_message_keeps_its_attempts_and_a_removed_one_is_gone()
    {
        var outbox = Store.Outbox;
        var kept = await outbox.AddAsync(Message("retried"), CancellationToken.None);
        var removed = await outbox.AddAsync(Message("posted"), CancellationToken.None);

        await outbox.UpdateAsync(kept with { Attempts = 2, NextAttemptAt = Now.AddMinutes(1), LastError = "502" }, CancellationToken.None);
        await outbox.RemoveAsync(removed.Id, CancellationToken.None);

        var pending = Assert.Single(await outbox.ListPendingAsync(null, CancellationToken.None));
        Assert.Equal(kept with { Attempts = 2, NextAttemptAt = Now.AddMinutes(1), LastError = "502" }, pending);
    }

    [Fact]
    public async Task A_message_given_up_is_kept_but_no_longer_pending()
    {
        var outbox = Store.Outbox;
        var stored = await outbox.AddAsync(Message("refused"), CancellationToken.None);

        await outbox.UpdateAsync(stored with { Attempts = 20, GaveUp = true, LastError = "422" }, CancellationToken.None);

        Assert.Empty(await outbox.ListPendingAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task The_ledger_tells_a_first_run_from_a_finished_one_and_an_interrupted_one()
    {
        Assert.Equal(JobStart.First, await Store.Ledger.StartAsync(Run("1"), CancellationToken.None));
        Assert.Equal(JobStart.Interrupted, await Store.Ledger.StartAsync(Run("1"), CancellationToken.None));
        await Store.Ledger.FinishAsync("1", Now, CancellationToken.None);
        await ReopenAsync();
        Assert.Equal(JobStart.AlreadyFinished, await Store.Ledger.StartAsync(Run("1"), CancellationToken.None));
        Assert.Equal(JobStart.First, await Store.Ledger.StartAsync(Run("2"), CancellationToken.None));
    }

    [Fact]
    public async Task Runs_never_finished_are_listed_after_a_reopen_with_what_they_were()
    {
        var apply = Run("10", JobKind.Apply, "iacbot apply -d app", head: null, startedAt: Now.AddMinutes(1));
        var autoplan = Run("9", JobKind.Autoplan, "pull_request opened", head: "6dcb09b5", startedAt: Now);
        await Store.Ledger.StartAsync(apply, CancellationToken.None);
        await Store.Ledger.StartAsync(autoplan, CancellationToken.None);
        await Store.Ledger.StartAsync(Run("11"), CancellationToken.None);
        await Store.Ledger.FinishAsync("11", Now, CancellationToken.None);

        await ReopenAsync();

        Assert.Equal([autoplan, apply], await Store.Ledger.ListUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Of_several_replicas_taking_over_one_interrupted_run_at_once_exactly_one_gets_it()
    {
        var run = Run("12", JobKind.Apply);
        await Store.Ledger.StartAsync(run, CancellationToken.None);
        await ReopenAsync();

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(n =>
            Task.Run(() => Store.Ledger.TryTakeOverAsync(run, $"replica-{n}", CancellationToken.None))));

        Assert.Single(taken, t => t);
        Assert.False(await Store.Ledger.TryTakeOverAsync(run, "replica-late", CancellationToken.None));
    }

    [Fact]
    public async Task A_finished_run_is_not_taken_over()
    {
        var run = Run("13");
        await Store.Ledger.StartAsync(run, CancellationToken.None);
        await Store.Ledger.FinishAsync("13", Now, CancellationToken.None);

        Assert.False(await Store.Ledger.TryTakeOverAsync(run, "replica-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_run_that_was_dealt_with_is_no_longer_listed_and_a_second_hand_out_does_nothing()
    {
        await Store.Ledger.StartAsync(Run("1", JobKind.Apply), CancellationToken.None);

        await Store.Ledger.FinishAsync("1", Now, CancellationToken.None);

        Assert.Empty(await Store.Ledger.ListUnfinishedAsync(CancellationToken.None));
        Assert.Equal(JobStart.AlreadyFinished, await Store.Ledger.StartAsync(Run("1", JobKind.Apply), CancellationToken.None));
    }

    [Fact]
    public async Task Fifty_deliveries_racing_for_tickets_of_one_pull_request_get_fifty_numbers_in_a_row()
    {
        var tickets = Store.Tickets;

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => tickets.IssueAsync(Pull(1), Now, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), numbers.Order());
    }

    [Fact]
    public async Task Each_pull_request_counts_its_own_tickets()
    {
        await Store.Tickets.IssueAsync(Pull(1), Now, CancellationToken.None);

        Assert.Equal(1, await Store.Tickets.IssueAsync(Pull(2), Now, CancellationToken.None));
        Assert.Equal(2, await Store.Tickets.IssueAsync(Pull(1), Now, CancellationToken.None));
    }

    [Fact]
    public async Task Open_tickets_and_their_claims_survive_a_restart_and_numbers_go_on_after_closed_ones()
    {
        var tickets = Store.Tickets;
        var first = await tickets.IssueAsync(Pull(1), Now, CancellationToken.None);
        var second = await tickets.IssueAsync(Pull(1), Now.AddSeconds(1), CancellationToken.None);
        var third = await tickets.IssueAsync(Pull(1), Now.AddSeconds(2), CancellationToken.None);
        Assert.True(await tickets.ClaimAsync(Pull(1), second, "run-1", CancellationToken.None));
        await tickets.CloseAsync(Pull(1), third, CancellationToken.None);

        await ReopenAsync();
        tickets = Store.Tickets;

        var open = await tickets.OpenBeforeAsync(Pull(1), 10, CancellationToken.None);
        Assert.Equal([first, second], open.Select(t => t.Number));
        Assert.Equal([null, "run-1"], open.Select(t => t.ClaimedBy));
        Assert.Equal(Now.AddSeconds(1), open[1].IssuedAt);
        Assert.Equal(4, await tickets.IssueAsync(Pull(1), Now, CancellationToken.None));
    }

    [Fact]
    public async Task Only_earlier_tickets_are_listed_and_a_closed_ticket_cannot_be_claimed()
    {
        var tickets = Store.Tickets;
        var first = await tickets.IssueAsync(Pull(1), Now, CancellationToken.None);
        var second = await tickets.IssueAsync(Pull(1), Now, CancellationToken.None);
        await tickets.IssueAsync(Pull(1), Now, CancellationToken.None);

        await tickets.CloseAsync(Pull(1), first, CancellationToken.None);

        Assert.Empty(await tickets.OpenBeforeAsync(Pull(1), second, CancellationToken.None));
        Assert.False(await tickets.ClaimAsync(Pull(1), first, "run-1", CancellationToken.None));
    }

    [Fact]
    public async Task An_unclaimed_ticket_waits_for_a_job_again()
    {
        var tickets = Store.Tickets;
        var ticket = await tickets.IssueAsync(Pull(1), Now, CancellationToken.None);
        await tickets.ClaimAsync(Pull(1), ticket, "run-1", CancellationToken.None);

        await tickets.UnclaimAsync(Pull(1), ticket, CancellationToken.None);

        Assert.Null(Assert.Single(await tickets.OpenBeforeAsync(Pull(1), ticket + 1, CancellationToken.None)).ClaimedBy);
    }
}
