using System.Diagnostics;

namespace IaCBot.Bench.Intake;

/// <summary>The three ways deliveries are sent: closed loop at a concurrency, all at once, and paced at a rate.</summary>
internal sealed class LoadPatterns(DeliverySender sender)
{
    /// <summary><paramref name="concurrency"/> senders, each sending its next delivery as soon as the last was answered.</summary>
    public async Task<IReadOnlyList<Outcome>> ClosedLoopAsync(IReadOnlyList<Delivery> deliveries, int concurrency)
    {
        var outcomes = new Outcome[deliveries.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < deliveries.Count)
            {
                outcomes[i] = await sender.SendAsync(deliveries[i], Stopwatch.GetTimestamp());
            }
        })));
        return outcomes;
    }

    /// <summary>Every delivery sent at the same moment, as after an outage a host redelivers its backlog.</summary>
    public async Task<IReadOnlyList<Outcome>> BurstAsync(IReadOnlyList<Delivery> deliveries)
    {
        var due = Stopwatch.GetTimestamp();
        return await Task.WhenAll(deliveries.Select(d => Task.Run(() => sender.SendAsync(d, due))));
    }

    /// <summary>
    /// An open loop: delivery i is due at start + i / rate whatever the answers so far, and its latency counts from
    /// then, so a server that falls behind is charged for the wait (no coordinated omission). A thread of its own sleeps
    /// until each one is due (see <see cref="PreciseSleep"/>) and starts its send; the thread pool takes the answers.
    /// </summary>
    public async Task<IReadOnlyList<Outcome>> PacedAsync(IReadOnlyList<Delivery> deliveries, int perSecond)
    {
        var sends = new Task<Outcome>[deliveries.Count];
        var paced = new TaskCompletionSource();
        var pacer = new Thread(() =>
        {
            try
            {
                var start = Stopwatch.GetTimestamp();
                var interval = (double)Stopwatch.Frequency / perSecond;
                for (var i = 0; i < deliveries.Count; i++)
                {
                    var due = start + (long)(i * interval);
                    PreciseSleep.Until(due);
                    sends[i] = sender.SendAsync(deliveries[i], due);
                }

                paced.SetResult();
            }
            catch (Exception ex)
            {
                paced.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "Bench pacer",
        };
        pacer.Start();
        await paced.Task;
        return await Task.WhenAll(sends);
    }
}
