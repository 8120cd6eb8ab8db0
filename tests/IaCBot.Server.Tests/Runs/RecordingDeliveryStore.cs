using IaCBot.Core.Intake;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Tests.Runs;

/// <summary>A delivery store that only hands each clean-up's cutoff to the test; the clean-up calls nothing else.</summary>
internal sealed class RecordingDeliveryStore(RecordedCutoffs cutoffs) : IDeliveryStore
{
    public Task<int> DeleteQueuedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        cutoffs.DeleteBeforeAsync(cutoff);

    public Task<bool> TryRecordAsync(string deliveryId, string eventName, DateTimeOffset receivedAt, string owner, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<bool>> TryRecordAllAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task MarkQueuedAsync(IReadOnlyList<string> deliveryIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task ForgetAsync(string deliveryId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryClaimAsync(string deliveryId, string jobId, DateTimeOffset claimedAt, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
