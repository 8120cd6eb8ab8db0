namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>The batch calls the intake pump makes once per round: recording deliveries and issuing tickets.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_round_of_deliveries_is_recorded_at_once_and_what_was_queued_before_is_not_taken()
    {
        await Store.Deliveries.TryRecordAsync("queued", "issue_comment", Now, "server-a", CancellationToken.None);
        await Store.Deliveries.MarkQueuedAsync(["queued"], CancellationToken.None);

        var taken = await Store.Deliveries.TryRecordAllAsync([Intake("d-1"), Intake("queued"), Intake("d-2"), Intake("d-1")], "server-b", CancellationToken.None);

        Assert.Equal([true, false, true, false], taken);
        await ReopenAsync();
        Assert.False(await Store.Deliveries.TryRecordAsync("d-2", "issue_comment", Now, "server-b", CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_recorded_in_a_round_whose_job_was_not_queued_is_taken_by_the_next_round_and_then_marked_queued()
    {
        await Store.Deliveries.TryRecordAllAsync([Intake("d-1"), Intake("d-2")], "server-a", CancellationToken.None);
        await Store.Deliveries.MarkQueuedAsync(["d-1"], CancellationToken.None);

        Assert.Equal([false, true], await Store.Deliveries.TryRecordAllAsync([Intake("d-1"), Intake("d-2")], "server-a", CancellationToken.None));
        await Store.Deliveries.MarkQueuedAsync(["d-2"], CancellationToken.None);
        Assert.Equal([false], await Store.Deliveries.TryRecordAllAsync([Intake("d-2")], "server-b", CancellationToken.None));
    }

    [Fact]
    public async Task A_round_is_marked_queued_at_once_and_an_id_never_recorded_is_passed_over()
    {
        await Store.Deliveries.TryRecordAllAsync([Intake("d-1"), Intake("d-2"), Intake("d-3")], "server-a", CancellationToken.None);

        await Store.Deliveries.MarkQueuedAsync(["d-1", "never-recorded", "d-3"], CancellationToken.None);

        await ReopenAsync();
        Assert.Equal([false, true, false, true], await Store.Deliveries.TryRecordAllAsync(
            [Intake("d-1"), Intake("d-2"), Intake("d-3"), Intake("never-recorded")], "server-a", CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_round_records_nothing_and_issues_nothing()
    {
        Assert.Empty(await Store.Deliveries.TryRecordAllAsync([], "server-a", CancellationToken.None));
        Assert.Empty(await Store.Tickets.IssueAllAsync([], Now, CancellationToken.None));
        await Store.Deliveries.MarkQueuedAsync([], CancellationToken.None);
    }

    [Fact]
    public async Task Tickets_issued_at_once_rise_per_pull_request_in_the_order_asked_and_go_on_from_earlier_ones()
    {
        await Store.Tickets.IssueAsync(Pull(1), Now, CancellationToken.None);

        var numbers = await Store.Tickets.IssueAllAsync([Pull(2), Pull(1), Pull(2), Pull(1), Pull(3)], Now, CancellationToken.None);

        Assert.Equal([1, 2, 2, 3, 1], numbers);
        await ReopenAsync();
        var open = await Store.Tickets.OpenBeforeAsync(Pull(1), 10, CancellationToken.None);
        Assert.Equal([1, 2, 3], open.Select(t => t.Number));
        Assert.All(open, t => Assert.Null(t.ClaimedBy));
        Assert.Equal(3, await Store.Tickets.IssueAsync(Pull(2), Now, CancellationToken.None));
    }

    [Fact]
    public async Task Rounds_of_tickets_racing_for_one_pull_request_get_distinct_numbers_in_a_row()
    {
        var tickets = Store.Tickets;

        var rounds = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => tickets.IssueAllAsync([Pull(1), Pull(2), Pull(1)], Now, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), rounds.SelectMany(r => new[] { r[0], r[2] }).Order());
        Assert.All(rounds, r => Assert.True(r[0] < r[2]));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), rounds.Select(r => r[1]).Order());
    }
}
