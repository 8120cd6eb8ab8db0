namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>The contract of delivery claims: a delivery queued twice after a crash is done by one job only.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_delivery_claimed_by_one_job_is_refused_to_another_and_given_again_to_the_same_job()
    {
        var deliveries = Store.Deliveries;
        Assert.True(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-a", CancellationToken.None));

        Assert.True(await deliveries.TryClaimAsync("d-1", "job-7", Now, CancellationToken.None));
        await ReopenAsync();
        deliveries = Store.Deliveries;

        Assert.True(await deliveries.TryClaimAsync("d-1", "job-7", Now.AddMinutes(1), CancellationToken.None));
        Assert.False(await deliveries.TryClaimAsync("d-1", "job-8", Now.AddMinutes(1), CancellationToken.None));
        Assert.True(await deliveries.TryClaimAsync("d-2", "job-8", Now, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_outlives_the_delivery_being_forgotten_and_taken_again()
    {
        var deliveries = Store.Deliveries;
        await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-a", CancellationToken.None);
        await deliveries.TryClaimAsync("d-1", "job-7", Now, CancellationToken.None);

        await deliveries.ForgetAsync("d-1", CancellationToken.None);
        Assert.True(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-b", CancellationToken.None));

        Assert.False(await deliveries.TryClaimAsync("d-1", "job-8", Now, CancellationToken.None));
    }

    [Fact]
    public async Task Of_twenty_jobs_claiming_one_delivery_at_once_exactly_one_gets_it()
    {
        var deliveries = Store.Deliveries;
        await deliveries.TryRecordAsync("d-race", "issue_comment", Now, "server-a", CancellationToken.None);

        var claimed = await Task.WhenAll(Enumerable.Range(1, 20).Select(n =>
            Task.Run(() => deliveries.TryClaimAsync("d-race", $"job-{n}", Now, CancellationToken.None))));

        var winner = Assert.Single(Enumerable.Range(1, 20), n => claimed[n - 1]);
        Assert.True(await deliveries.TryClaimAsync("d-race", $"job-{winner}", Now, CancellationToken.None));
    }
}
