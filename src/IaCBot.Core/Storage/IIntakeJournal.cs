using IaCBot.Core.Intake;

namespace IaCBot.Core.Storage;

/// <summary>
/// Deliveries accepted at the webhook endpoint and not yet queued as jobs. A delivery is answered once its entry is
/// durable here; the intake pump then queues entries in order and completes them. Whatever a crash leaves behind
/// is pumped again, by the next start or, with a shared store, by another replica.
/// </summary>
public interface IIntakeJournal
{
    /// <summary>
    /// Stores the batch in its order with one commit, as <paramref name="owner"/>'s. The result says, per entry,
    /// whether it was taken: false for a delivery the journal holds already (also earlier in the batch) or whose job
    /// was queued before (<see cref="IDeliveryStore.MarkQueuedAsync"/>).
    /// </summary>
    Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> entries of <paramref name="owner"/> not completed yet, oldest first. Entries of
    /// owners that are gone (a crashed process, a dead replica) become <paramref name="owner"/>'s first.
    /// </summary>
    Task<IReadOnlyList<JournaledDelivery>> PendingAsync(string owner, int max, CancellationToken cancellationToken);

    /// <summary>Drops entries whose jobs are queued. Completing an entry twice does nothing.</summary>
    Task CompleteAsync(IReadOnlyList<JournaledDelivery> done, CancellationToken cancellationToken);
}
