namespace IaCBot.Core.Storage;

/// <summary>Webhook deliveries seen, so that a redelivery of the same id does nothing twice.</summary>
public interface IDeliveryStore
{
    /// <summary>Records the delivery; false when it was recorded before.</summary>
    Task<bool> TryRecordAsync(string deliveryId, string eventName, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Forgets a delivery whose work could not be queued, so that a redelivery is taken.</summary>
    Task ForgetAsync(string deliveryId, CancellationToken cancellationToken);
}
