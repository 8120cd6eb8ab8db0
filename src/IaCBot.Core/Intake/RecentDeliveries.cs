namespace IaCBot.Core.Intake;

/// <summary>
/// The ids of the deliveries this process took last, so that a redelivery soon after is answered as a duplicate
/// without a trip to the journal. Bounded: the oldest id is forgotten first, and the journal still knows it.
/// </summary>
internal sealed class RecentDeliveries(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string deliveryId)
    {
        lock (_gate)
        {
            return _ids.Contains(deliveryId);
        }
    }

    public void Add(string deliveryId)
    {
        lock (_gate)
        {
            if (!_ids.Add(deliveryId))
            {
                return;
            }

            _order.Enqueue(deliveryId);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }
}
