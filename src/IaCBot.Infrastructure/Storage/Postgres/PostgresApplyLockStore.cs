using IaCBot.Core.Storage;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>The server-wide apply lock as one row with a fixed id: there is at most one, for every replica.</summary>
internal sealed class PostgresApplyLockStore(PostgresDatabase database) : IApplyLockStore
{
    private const string Select = "SELECT set_by, since, reason FROM iacbot.apply_lock WHERE id = 'applies'";

    private const string Upsert = """
        INSERT INTO iacbot.apply_lock (id, set_by, since, reason) VALUES ('applies', @set_by, @since, @reason)
        ON CONFLICT (id) DO UPDATE SET set_by = excluded.set_by, since = excluded.since, reason = excluded.reason
        """;

    private const string Delete = "DELETE FROM iacbot.apply_lock WHERE id = 'applies'";

    public async Task<ApplyLock?> GetAsync(CancellationToken cancellationToken)
    {
        await using var select = await database.CommandAsync(Select, cancellationToken);
        return (await select.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    public async Task SetAsync(ApplyLock applyLock, CancellationToken cancellationToken)
    {
        await using var upsert = (await database.CommandAsync(Upsert, cancellationToken))
            .With("set_by", applyLock.SetBy).With("since", applyLock.Since).With("reason", applyLock.Reason);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ClearAsync(CancellationToken cancellationToken)
    {
        await using var delete = await database.CommandAsync(Delete, cancellationToken);
        return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static ApplyLock Read(NpgsqlDataReader row) =>
        new(row.Get<string>("set_by"), row.Get<DateTimeOffset>("since"), row.Text("reason"));
}
