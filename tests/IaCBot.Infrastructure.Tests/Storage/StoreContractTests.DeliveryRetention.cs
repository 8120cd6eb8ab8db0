namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>Old delivery records and claims are deleted, so that neither table grows by a row a delivery for good.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Queued_deliveries_received_before_the_cutoff_are_deleted_and_a_later_redelivery_of_one_is_new()
    {
        var deliveries = Store.Deliveries;
        var cutoff = Now.AddDays(-14);
        await deliveries.TryRecordAsync("old", "issue_comment", cutoff.AddDays(-1), "server-a", CancellationToken.None);
        await deliveries.TryRecordAsync("recent", "issue_comment", cutoff.AddMinutes(1), "server-a", CancellationToken.None);
        await deliveries.TryRecordAsync("old-never-queued", "issue_comment", cutoff.AddDays(-1), "server-a", CancellationToken.None);
        await deliveries.MarkQueuedAsync(["old", "recent"], CancellationToken.None);

        var deleted = await deliveries.DeleteQueuedBeforeAsync(cutoff, CancellationToken.None);
        await ReopenAsync();
        deliveries = Store.Deliveries;

        Assert.Equal(1, deleted);
        Assert.True(await deliveries.TryRecordAsync("old", "issue_comment", Now, "server-b", CancellationToken.None));
        Assert.False(await deliveries.TryRecordAsync("recent", "issue_comment", Now, "server-b", CancellationToken.None));
        Assert.False(await deliveries.TryRecordAsync("old-never-queued", "issue_comment", Now, "server-a", CancellationToken.None));
    }

    [Fact]
    public async Task Claims_made_before_the_cutoff_are_deleted_and_later_ones_still_refuse_another_job()
    {
        var deliveries = Store.Deliveries;
        var cutoff = Now.AddDays(-14);
        await deliveries.TryClaimAsync("old", "job-1", cutoff.AddSeconds(-1), CancellationToken.None);
        await deliveries.TryClaimAsync("recent", "job-2", cutoff, CancellationToken.None);

        await deliveries.DeleteQueuedBeforeAsync(cutoff, CancellationToken.None);

        Assert.True(await deliveries.TryClaimAsync("old", "job-3", Now, CancellationToken.None));
        Assert.False(await deliveries.TryClaimAsync("recent", "job-3", Now, CancellationToken.None));
        Assert.True(await deliveries.TryClaimAsync("recent", "job-2", Now, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_with_nothing_old_enough_deletes_nothing()
    {
        var deliveries = Store.Deliveries;
        await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-a", CancellationToken.None);
        await deliveries.MarkQueuedAsync(["d-1"], CancellationToken.None);

        Assert.Equal(0, await deliveries.DeleteQueuedBeforeAsync(Now, CancellationToken.None));
        Assert.False(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-b", CancellationToken.None));
    }
}
