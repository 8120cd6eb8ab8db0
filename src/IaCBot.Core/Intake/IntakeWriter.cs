using IaCBot.Core.Storage;

namespace IaCBot.Core.Intake;

/// <summary>
/// Appends deliveries to the <see cref="IIntakeJournal"/> with group commit: requests that arrive while a flush runs
/// wait for the next one and share its single commit, so a burst costs a few commits rather than one per delivery.
/// A batch closes when the flush before it ends, so no timer delays a lone delivery.
/// </summary>
public sealed class IntakeWriter(IIntakeJournal journal, string owner, TimeProvider time) : IDisposable
{
    /// <summary>The most entries one commit takes; more wait for the next.</summary>
    public const int MaxBatch = 512;

    /// <summary>How long a delivery taken here is answered as a duplicate from memory; after that the store answers.</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly RecentDeliveries _recent = new(capacity: 50_000, RememberedFor, time);
    private readonly SemaphoreSlim _appended = new(0, 1);
    private List<Waiting> _waiting = [];
    private bool _flushing;
    private long _flushes;

    /// <summary>How many commits the journal was asked for so far.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>
    /// Appends the delivery and returns once it is durable: true when taken, false for a delivery taken before (a
    /// redelivery). Not cancellable: once handed to a flush the delivery is accepted whether or not its sender waits.
    /// </summary>
    public Task<bool> AppendAsync(IntakeEntry entry)
    {
        if (_recent.Contains(entry.DeliveryId))
        {
            return Task.FromResult(false);
        }

        var waiting = new Waiting(entry);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(waiting);
            lead = !_flushing;
            _flushing = true;
        }

        if (lead)
        {
            _ = Task.Run(FlushAsync);
        }

        return waiting.Done.Task;
    }

    /// <summary>Waits until a flush stored something, or <paramref name="timeout"/> passes.</summary>
    public Task WaitForAppendAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _appended.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _appended.Dispose();

    private async Task FlushAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                Interlocked.Increment(ref _flushes);
                var taken = await journal.AppendAsync([.. batch.Select(w => w.Entry)], owner, CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (taken[i])
                    {
                        _recent.Add(batch[i].Entry.DeliveryId);
                    }

                    batch[i].Done.TrySetResult(taken[i]);
                }

                Wake();
            }
            catch (Exception ex)
            {
                batch.ForEach(w => w.Done.TrySetException(ex));
            }
        }
    }

    private List<Waiting>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _flushing = false;
                return null;
            }

            if (_waiting.Count <= MaxBatch)
            {
                var all = _waiting;
                _waiting = [];
                return all;
            }

            var first = _waiting.GetRange(0, MaxBatch);
            _waiting.RemoveRange(0, MaxBatch);
            return first;
        }
    }

    private void Wake()
    {
        try
        {
            _appended.Release();
        }
        catch (SemaphoreFullException)
        {
            // The pump is woken already.
        }
    }

    private sealed record Waiting(IntakeEntry Entry)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
