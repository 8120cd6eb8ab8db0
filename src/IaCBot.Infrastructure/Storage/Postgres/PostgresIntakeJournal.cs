using IaCBot.Core.Intake;
using IaCBot.Core.Storage;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// The journal as a table of the shared database, so that a dead replica's accepted deliveries are pumped by another
/// (no replica needs a disk of its own). A batch is one multi-row INSERT: PostgreSQL's commit is the group commit.
/// </summary>
internal sealed class PostgresIntakeJournal(PostgresDatabase database) : IIntakeJournal
{
    /// <summary>
    /// Rows go in the batch's order, so their sequence numbers rise in it; a delivery in the journal already (the
    /// unique key) or queued before is left out, and the first of two in one batch wins.
    /// </summary>
    private const string Append = """
        INSERT INTO iacbot.intake (delivery_id, event, received_at, owner, work)
        SELECT b.id, b.event, b.received_at, @owner, b.work
        FROM unnest(@ids, @events, @received, @works) WITH ORDINALITY AS b(id, event, received_at, work, n)
        WHERE NOT EXISTS (SELECT 1 FROM iacbot.deliveries d WHERE d.id = b.id AND d.queued)
        ORDER BY b.n
        ON CONFLICT (delivery_id) DO NOTHING
        RETURNING delivery_id
        """;

    /// <summary>An owner's lock is free only when its session ended: the process stopped or died (see <see cref="OwnerSessions"/>).</summary>
    private const string Adopt = """
        UPDATE iacbot.intake SET owner = @owner
        WHERE owner <> @owner AND pg_try_advisory_xact_lock(hashtextextended(owner, 0))
        """;

    private const string Pending = """
        SELECT seq, delivery_id, event, received_at, work FROM iacbot.intake WHERE owner = @owner ORDER BY seq LIMIT @max
        """;

    private const string Complete = "DELETE FROM iacbot.intake WHERE seq = ANY(@seqs)";

    public async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken)
    {
        await database.Owners.HoldAsync(owner, cancellationToken);
        await using var insert = (await database.CommandAsync(Append, cancellationToken))
            .With("owner", owner)
            .With("ids", batch.Select(e => e.DeliveryId).ToArray())
            .With("events", batch.Select(e => e.EventName).ToArray())
            .With("received", batch.Select(e => e.ReceivedAt.ToUniversalTime()).ToArray())
            .With("works", batch.Select(e => e.Work).ToArray());
        var taken = (await insert.ListAsync(r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);

        // Of two entries with one id in the batch only the first is taken.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. batch.Select(e => seen.Add(e.DeliveryId) && taken.Contains(e.DeliveryId))];
    }

    public async Task<IReadOnlyList<JournaledDelivery>> PendingAsync(string owner, int max, CancellationToken cancellationToken)
    {
        // Held first, so an adopted entry is never for a moment owned by someone who does not look alive.
        await database.Owners.HoldAsync(owner, cancellationToken);
        await using (var adopt = (await database.CommandAsync(Adopt, cancellationToken)).With("owner", owner))
        {
            await adopt.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = (await database.CommandAsync(Pending, cancellationToken)).With("owner", owner).With("max", max);
        return await select.ListAsync(
            r => new JournaledDelivery(
                r.Get<long>("seq"),
                new IntakeEntry(r.Get<string>("delivery_id"), r.Get<string>("event"), r.Get<DateTimeOffset>("received_at"), r.Get<string>("work"))),
            cancellationToken);
    }

    public async Task CompleteAsync(IReadOnlyList<JournaledDelivery> done, CancellationToken cancellationToken)
    {
        if (done.Count == 0)
        {
            return;
        }

        await using var delete = (await database.CommandAsync(Complete, cancellationToken)).With("seqs", done.Select(d => d.Sequence).ToArray());
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
