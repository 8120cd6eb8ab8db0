using IaCBot.Core.Concurrency;

namespace IaCBot.Core.Tests.Concurrency;

public sealed class KeyedLockTests
{
    [Fact]
    public async Task A_second_holder_of_the_same_key_waits_until_the_first_releases()
    {
        var locks = new KeyedLock();
        var first = await locks.AcquireAsync("acme/infra#1", CancellationToken.None);
        var second = locks.AcquireAsync("acme/infra#1", CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task Different_keys_do_not_wait_for_each_other()
    {
        var locks = new KeyedLock();
        using var first = await locks.AcquireAsync("acme/infra#1", CancellationToken.None);
        var other = locks.AcquireAsync("acme/infra#2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_hold_the_key()
    {
        var locks = new KeyedLock();
        var first = await locks.AcquireAsync("k", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("k", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        first.Dispose();
        var again = locks.AcquireAsync("k", CancellationToken.None);
        Assert.True(again.IsCompletedSuccessfully);
        (await again).Dispose();
    }

    [Fact]
    public async Task Many_concurrent_holders_never_overlap()
    {
        var locks = new KeyedLock();
        var inside = 0;
        var maxInside = 0;
        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var held = await locks.AcquireAsync("k", CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(1, maxInside);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
