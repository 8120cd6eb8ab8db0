using IaCBot.Core.Intake;

namespace IaCBot.Core.Storage;

/// <summary>Webhook deliveries seen, so that a redelivery of the same id does nothing twice.</summary>
public interface IDeliveryStore
{
    /// <summary>
    /// Records the delivery as taken by <paramref name="owner"/> (a server process); false when it was recorded before.
    /// A delivery another process recorded but never marked queued is taken again: that process stopped in between,
    /// and without this a redelivery would be answered as a duplicate while its work was never done.
    /// </summary>
    Task<bool> TryRecordAsync(string deliveryId, string eventName, DateTimeOffset receivedAt, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Records each delivery of the batch as <paramref name="owner"/>'s, with one commit: the intake pump records a
    /// whole round at once. The result says, per entry, whether it was taken: true unless its work was marked queued,
    /// and false for the second of two entries with one id. Unlike <see cref="TryRecordAsync"/> a delivery the same
    /// owner recorded and never marked queued is taken again: one pump per owner calls this, before it queues the
    /// round's jobs, so such a record is one whose job could not be queued.
    /// </summary>
    Task<IReadOnlyList<bool>> TryRecordAllAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the deliveries' work queued, with one commit (the intake pump marks a round at once): from now on a
    /// redelivery of any of them is a duplicate whoever receives it. An id never recorded is passed over.
    /// </summary>
    Task MarkQueuedAsync(IReadOnlyList<string> deliveryIds, CancellationToken cancellationToken);

    /// <summary>Forgets a delivery whose work could not be queued, so that a redelivery is taken.</summary>
    Task ForgetAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the delivery's work for the queued job <paramref name="jobId"/> as it starts; true when that job is to do
    /// it: the first to claim it, or the same job handed out again. A crash between queueing a job and
    /// <see cref="MarkQueuedAsync"/> gets the delivery queued twice; the second job is refused here and does nothing.
    /// Of jobs claiming at once exactly one wins. A claim outlives <see cref="ForgetAsync"/> and a delivery taken
    /// again, since the job that claimed it may be running.
    /// </summary>
    Task<bool> TryClaimAsync(string deliveryId, string jobId, DateTimeOffset claimedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the records of deliveries received before <paramref name="cutoff"/> whose work was queued, and the
    /// claims made before it; returns how many delivery records went. Without it both grow by one row a delivery for
    /// good. A redelivery of a deleted one is taken as new, so the cutoff is to lie well past the days a Git host lets
    /// a delivery be sent again and past a job's last retry. A delivery whose work was never queued is kept.
    /// </summary>
    Task<int> DeleteQueuedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
