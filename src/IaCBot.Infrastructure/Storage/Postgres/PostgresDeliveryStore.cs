using IaCBot.Core.Intake;
using IaCBot.Core.Storage;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// Delivery ids as primary keys. Recording is one statement: the insert, or on a conflict the takeover of a delivery
/// another process recorded and never queued; a row comes back only when this process now owns the delivery.
/// </summary>
internal sealed class PostgresDeliveryStore(PostgresDatabase database) : IDeliveryStore
{
    private const string Record = """
        INSERT INTO iacbot.deliveries (id, event, received_at, owner, queued)
        VALUES (@id, @event, @received_at, @owner, false)
        ON CONFLICT (id) DO UPDATE SET event = excluded.event, received_at = excluded.received_at, owner = excluded.owner
            WHERE NOT iacbot.deliveries.queued AND iacbot.deliveries.owner <> excluded.owner
        RETURNING id
        """;

    /// <summary>
    /// A batch: any delivery not marked queued is taken (see <see cref="IDeliveryStore.TryRecordAllAsync"/>). An upsert
    /// may not touch one row twice, so the batch's ids are made distinct before it is sent.
    /// </summary>
    private const string RecordAll = """
        INSERT INTO iacbot.deliveries (id, event, received_at, owner, queued)
        SELECT b.id, b.event, b.received_at, @owner, false FROM unnest(@ids, @events, @received) AS b(id, event, received_at)
        ON CONFLICT (id) DO UPDATE SET event = excluded.event, received_at = excluded.received_at, owner = excluded.owner
            WHERE NOT iacbot.deliveries.queued
        RETURNING id
        """;

    private const string Queued = "UPDATE iacbot.deliveries SET queued = true WHERE id = ANY(@ids)";

    private const string Forget = "DELETE FROM iacbot.deliveries WHERE id = @id";

    /// <summary>One statement for both tables: a data-modifying WITH runs whether or not the rest reads it.</summary>
    private const string DeleteOld = """
        WITH old_claims AS (DELETE FROM iacbot.delivery_claims WHERE claimed_at < @cutoff)
        DELETE FROM iacbot.deliveries WHERE queued AND received_at < @cutoff
        """;

    /// <summary>
    /// On a conflict the no-op update locks the claim and reads it as committed, so of racing jobs the later ones wait
    /// for the first and then get a row back only when they are the same job.
    /// </summary>
    private const string Claim = """
        INSERT INTO iacbot.delivery_claims (delivery_id, job_id, claimed_at)
        VALUES (@id, @job, @claimed_at)
        ON CONFLICT (delivery_id) DO UPDATE SET job_id = iacbot.delivery_claims.job_id
            WHERE iacbot.delivery_claims.job_id = excluded.job_id
        RETURNING job_id
        """;

    public async Task<bool> TryRecordAsync(string deliveryId, string eventName, DateTimeOffset receivedAt, string owner, CancellationToken cancellationToken)
    {
        await using var record = (await database.CommandAsync(Record, cancellationToken))
            .With("id", deliveryId).With("event", eventName).With("received_at", receivedAt).With("owner", owner);
        return await record.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<bool>> TryRecordAllAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = batch.Select(e => seen.Add(e.DeliveryId)).ToList();
        var distinct = batch.Where((_, i) => first[i]).ToList();
        await using var record = (await database.CommandAsync(RecordAll, cancellationToken))
            .With("owner", owner)
            .With("ids", distinct.Select(e => e.DeliveryId).ToArray())
            .With("events", distinct.Select(e => e.EventName).ToArray())
            .With("received", distinct.Select(e => e.ReceivedAt.ToUniversalTime()).ToArray());
        var taken = (await record.ListAsync(r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return [.. batch.Select((e, i) => first[i] && taken.Contains(e.DeliveryId))];
    }

    public async Task MarkQueuedAsync(IReadOnlyList<string> deliveryIds, CancellationToken cancellationToken)
    {
        if (deliveryIds.Count == 0)
        {
            return;
        }

        await using var update = (await database.CommandAsync(Queued, cancellationToken)).With("ids", deliveryIds.ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteQueuedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(DeleteOld, cancellationToken)).With("cutoff", cutoff.ToUniversalTime());
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ForgetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(Forget, cancellationToken)).With("id", deliveryId);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> TryClaimAsync(string deliveryId, string jobId, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        await using var claim = (await database.CommandAsync(Claim, cancellationToken))
            .With("id", deliveryId).With("job", jobId).With("claimed_at", claimedAt);
        return await claim.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
