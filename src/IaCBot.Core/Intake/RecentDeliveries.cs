namespace IaCBot.Core.Intake;

/// <summary>
/// The ids of the deliveries this process took last, so that a redelivery soon after is answered as a duplicate
/// without a trip to the journal. Bounded in count and in age: past either, the oldest id is forgotten first and the
/// store answers for it, so that this process forgets a delivery no later than the store does.
/// </summary>
internal sealed class RecentDeliveries(int capacity, TimeSpan maxAge, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _takenAt = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string deliveryId)
    {
        lock (_gate)
        {
            return _takenAt.TryGetValue(deliveryId, out var at) && time.GetElapsedTime(at) < maxAge;
        }
    }

    public void Add(string deliveryId)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (!_takenAt.TryAdd(deliveryId, now))
            {
                return;
            }

            _order.Enqueue(deliveryId);
            while (_order.Count > capacity || time.GetElapsedTime(_takenAt[_order.Peek()], now) >= maxAge)
            {
                _takenAt.Remove(_order.Dequeue());
            }
        }
    }
}
