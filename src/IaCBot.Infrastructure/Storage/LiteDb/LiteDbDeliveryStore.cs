using IaCBot.Core.Storage;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>Delivery ids as primary keys: recording one twice fails on the key, which is the answer.</summary>
internal sealed class LiteDbDeliveryStore(LiteDbContext context) : IDeliveryStore
{
    private readonly ILiteCollection<BsonDocument> _deliveries = context.Collection("deliveries");

    public Task<bool> TryRecordAsync(string deliveryId, string eventName, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        try
        {
            _deliveries.Insert(new BsonDocument
            {
                ["_id"] = deliveryId,
                ["event"] = eventName,
                ["received"] = receivedAt.UtcDateTime,
            });
            return Task.FromResult(true);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
    }

    public Task ForgetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        _deliveries.Delete(deliveryId);
        return Task.CompletedTask;
    }
}
