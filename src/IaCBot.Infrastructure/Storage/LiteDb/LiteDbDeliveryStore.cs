using IaCBot.Core.Intake;
using IaCBot.Core.Storage;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>Delivery ids as primary keys: recording one twice fails on the key, which is the answer.</summary>
internal sealed class LiteDbDeliveryStore(LiteDbContext context) : IDeliveryStore
{
    private readonly LiteDatabase _database = context.Database;
    private readonly ILiteCollection<BsonDocument> _deliveries = context.Collection("deliveries");

    /// <summary>Apart from the deliveries, so that forgetting or taking one again leaves its claim as it was.</summary>
    private readonly ILiteCollection<BsonDocument> _claims = context.Collection("delivery_claims");
    private readonly Lock _gate = new();

    public Task<bool> TryRecordAsync(string deliveryId, string eventName, DateTimeOffset receivedAt, string owner, CancellationToken cancellationToken)
    {
        var document = new BsonDocument
        {
            ["_id"] = deliveryId,
            ["event"] = eventName,
            ["received"] = receivedAt.UtcDateTime,
            ["owner"] = owner,
            ["queued"] = false,
        };
        lock (_gate)
        {
            try
            {
                _deliveries.Insert(document);
                return Task.FromResult(true);
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                return Task.FromResult(WasAbandoned(_deliveries.FindById(deliveryId), owner) && _deliveries.Update(document));
            }
        }
    }

    /// <summary>
    /// Looks before it inserts rather than catching the duplicate key: a failed insert would roll back the whole
    /// transaction. The lock keeps the look and the write together (one process holds the file).
    /// </summary>
    public Task<IReadOnlyList<bool>> TryRecordAllAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken)
    {
        var taken = new bool[batch.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            _database.InTransaction(() =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    taken[i] = seen.Add(batch[i].DeliveryId) && Record(batch[i], owner);
                }
            });
        }

        return Task.FromResult<IReadOnlyList<bool>>(taken);
    }

    public Task MarkQueuedAsync(IReadOnlyList<string> deliveryIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _database.InTransaction(() =>
            {
                foreach (var id in deliveryIds)
                {
                    if (_deliveries.FindById(id) is { } document)
                    {
                        document["queued"] = true;
                        _deliveries.Update(document);
                    }
                }
            });
        }

        return Task.CompletedTask;
    }

    public Task ForgetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        _deliveries.Delete(deliveryId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Finds the old records first and deletes them under the lock one by one, so that the webhooks' inserts wait for
    /// one delete at a time, not for the whole clean-up.
    /// </summary>
    public Task<int> DeleteQueuedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var before = cutoff.UtcDateTime;
        var deleted = 0;
        foreach (var old in _deliveries.Find(Query.LT("received", before)).Where(WasQueued).Select(d => d["_id"]).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                // A queued record stays as it is until deleted; one forgotten and recorded again meanwhile is not queued.
                deleted += _deliveries.FindById(old) is { } document && WasQueued(document) && _deliveries.Delete(old) ? 1 : 0;
            }
        }

        foreach (var old in _claims.Find(Query.LT("claimed", before)).Select(c => c["_id"]).ToList())
        {
            _claims.Delete(old);
        }

        return Task.FromResult(deleted);
    }

    public Task<bool> TryClaimAsync(string deliveryId, string jobId, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_claims.FindById(deliveryId) is { } claim)
            {
                return Task.FromResult(claim["job"].AsString == jobId);
            }

            _claims.Insert(new BsonDocument { ["_id"] = deliveryId, ["job"] = jobId, ["claimed"] = claimedAt.UtcDateTime });
            return Task.FromResult(true);
        }
    }

    private bool Record(IntakeEntry entry, string owner)
    {
        var document = new BsonDocument
        {
            ["_id"] = entry.DeliveryId,
            ["event"] = entry.EventName,
            ["received"] = entry.ReceivedAt.UtcDateTime,
            ["owner"] = owner,
            ["queued"] = false,
        };
        return _deliveries.FindById(entry.DeliveryId) is { } existing
            ? !WasQueued(existing) && _deliveries.Update(document)
            : _deliveries.Insert(document) is not null;
    }

    /// <summary>Deliveries recorded before owners were kept have no <c>queued</c> field and count as queued.</summary>
    private static bool WasQueued(BsonDocument existing) =>
        !existing.TryGetValue("queued", out var queued) || !queued.IsBoolean || queued.AsBoolean;

    /// <summary>
    /// Recorded by a process that is gone, before it queued the work. Deliveries recorded before owners were kept
    /// have no <c>queued</c> field and count as queued.
    /// </summary>
    private static bool WasAbandoned(BsonDocument? existing, string owner) =>
        existing is not null
        && existing.TryGetValue("queued", out var queued) && queued.IsBoolean && !queued.AsBoolean
        && existing.TryGetValue("owner", out var recordedBy) && recordedBy.IsString && recordedBy.AsString != owner;
}
