using IaCBot.Core.Intake;
using IaCBot.Core.Storage;
using Npgsql;

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
    /// <remarks>
    /// Whether a delivery was queued is a scalar subquery, one key lookup per row. Written as NOT EXISTS, PostgreSQL
    /// made it an anti join, and the plan it kept for the prepared statement (made while the table was small) hashed
    /// the whole deliveries table on every append: most of the database's CPU at 500 deliveries/s. Its plan is the same
    /// for any batch, so it runs on connections that keep one (<see cref="PostgresDatabase.GenericPlanCommandAsync"/>).
    /// </remarks>
    private const string Append = """
        INSERT INTO iacbot.intake (delivery_id, event, received_at, owner, work)
        SELECT b.id, b.event, b.received_at, @owner, b.work
        FROM unnest(@ids, @events, @received, @works) WITH ORDINALITY AS b(id, event, received_at, work, n)
        WHERE (SELECT d.queued FROM iacbot.deliveries d WHERE d.id = b.id) IS NOT TRUE
        ORDER BY b.n
        ON CONFLICT (delivery_id) DO NOTHING
        RETURNING delivery_id
        """;

    /// <summary>
    /// The owners with entries in the journal, other than the asker, whose lock is free: an owner's lock is free only
    /// when its session ended, the process stopped or died (see <see cref="OwnerSessions"/>). The owners are found by
    /// stepping through the (owner, seq) index, one lookup per owner: scanning every entry cost milliseconds a round
    /// with a backlog of thousands.
    /// </summary>
    private const string DeadOwners = """
        WITH RECURSIVE owners AS (
            (SELECT owner FROM iacbot.intake ORDER BY owner LIMIT 1)
            UNION ALL
            SELECT (SELECT i.owner FROM iacbot.intake i WHERE i.owner > o.owner ORDER BY i.owner LIMIT 1)
            FROM owners o WHERE o.owner IS NOT NULL
        )
        SELECT owner FROM owners
        WHERE owner IS NOT NULL AND owner <> @owner AND pg_try_advisory_xact_lock(hashtextextended(owner, 0))
        """;

    private const string Adopt = "UPDATE iacbot.intake SET owner = @owner WHERE owner = ANY(@dead)";

    private const string Pending = """
        SELECT seq, delivery_id, event, received_at, work FROM iacbot.intake WHERE owner = @owner ORDER BY seq LIMIT @max
        """;

    private const string Complete = "DELETE FROM iacbot.intake WHERE seq = ANY(@seqs)";

    public async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken)
    {
        await database.Owners.HoldAsync(owner, cancellationToken);
        await using var insert = (await database.GenericPlanCommandAsync(Append, cancellationToken))
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
        await AdoptAsync(owner, cancellationToken);

        await using var select = (await database.CommandAsync(Pending, cancellationToken)).With("owner", owner).With("max", max);
        return await select.ListAsync(
            r => new JournaledDelivery(
                r.Get<long>("seq"),
                new IntakeEntry(r.Get<string>("delivery_id"), r.Get<string>("event"), r.Get<DateTimeOffset>("received_at"), r.Get<string>("work"))),
            cancellationToken);
    }

    /// <summary>Takes over the entries of dead owners, in one transaction with their locks so that none comes back meanwhile.</summary>
    private async Task AdoptAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = new NpgsqlCommand(DeadOwners, connection, transaction).With("owner", owner);
        var dead = await find.ListAsync(r => r.GetString(0), cancellationToken);
        if (dead.Count > 0)
        {
            await using var adopt = new NpgsqlCommand(Adopt, connection, transaction).With("owner", owner).With("dead", dead.ToArray());
            await adopt.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
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
