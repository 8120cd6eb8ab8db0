using IaCBot.Core.Intake;

namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>The contract of the intake journal: what the webhook endpoint answered for, until its job is queued.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task The_journal_keeps_accepted_deliveries_in_order_across_a_crash_until_they_are_completed()
    {
        await Store.Intake.AppendAsync([Intake("d-1"), Intake("d-2")], "server-a", CancellationToken.None);
        await Store.Intake.AppendAsync([Intake("d-3")], "server-a", CancellationToken.None);
        await ReopenAsync();

        var pending = await Store.Intake.PendingAsync("server-b", 10, CancellationToken.None);

        Assert.Equal(["d-1", "d-2", "d-3"], pending.Select(p => p.Entry.DeliveryId));
        Assert.Equal(Intake("d-2"), pending[1].Entry);
        await Store.Intake.CompleteAsync(pending.Take(2).ToList(), CancellationToken.None);
        Assert.Equal(["d-3"], (await Store.Intake.PendingAsync("server-b", 10, CancellationToken.None)).Select(p => p.Entry.DeliveryId));
    }

    [Fact]
    public async Task The_journal_hands_out_a_batch_of_at_most_the_size_asked_for_oldest_first()
    {
        await Store.Intake.AppendAsync([.. Enumerable.Range(1, 5).Select(n => Intake($"d-{n}"))], "server-a", CancellationToken.None);

        var pending = await Store.Intake.PendingAsync("server-a", 2, CancellationToken.None);

        Assert.Equal(["d-1", "d-2"], pending.Select(p => p.Entry.DeliveryId));
    }

    [Fact]
    public async Task A_delivery_in_the_journal_or_queued_before_is_not_taken_again()
    {
        await Store.Deliveries.TryRecordAsync("queued", "issue_comment", Now, "server-a", CancellationToken.None);
        await Store.Deliveries.MarkQueuedAsync(["queued"], CancellationToken.None);
        await Store.Intake.AppendAsync([Intake("waiting")], "server-a", CancellationToken.None);

        var taken = await Store.Intake.AppendAsync([Intake("queued"), Intake("waiting"), Intake("new"), Intake("new")], "server-a", CancellationToken.None);

        Assert.Equal([false, false, true, false], taken);
        Assert.Equal(["waiting", "new"], (await Store.Intake.PendingAsync("server-a", 10, CancellationToken.None)).Select(p => p.Entry.DeliveryId));
    }

    [Fact]
    public async Task A_delivery_recorded_but_never_queued_by_a_stopped_server_is_taken_into_the_journal()
    {
        await Store.Deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-a", CancellationToken.None);

        Assert.Equal([true], await Store.Intake.AppendAsync([Intake("d-1")], "server-b", CancellationToken.None));
    }

    [Fact]
    public async Task Completing_an_entry_twice_does_nothing()
    {
        await Store.Intake.AppendAsync([Intake("d-1")], "server-a", CancellationToken.None);
        var pending = await Store.Intake.PendingAsync("server-a", 10, CancellationToken.None);

        await Store.Intake.CompleteAsync(pending, CancellationToken.None);
        await Store.Intake.CompleteAsync(pending, CancellationToken.None);

        Assert.Empty(await Store.Intake.PendingAsync("server-a", 10, CancellationToken.None));
    }

    private static IntakeEntry Intake(string deliveryId) =>
        new(deliveryId, "issue_comment", Now, $"{{\"comment\": \"{deliveryId}\"}}");
}
