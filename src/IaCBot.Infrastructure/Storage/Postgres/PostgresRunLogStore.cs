using IaCBot.Core.RunLogs;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>Finished runs' logs, compressed, as <c>bytea</c> rows keyed by the log's path, for every replica to read.</summary>
internal sealed class PostgresRunLogStore(PostgresDatabase database) : IRunLogStore
{
    private const string Upsert = """
        INSERT INTO iacbot.run_logs (path, run_id, saved_at, gzip) VALUES (@path, @run_id, @saved_at, @gzip)
        ON CONFLICT (path) DO UPDATE SET run_id = excluded.run_id, saved_at = excluded.saved_at, gzip = excluded.gzip
        """;

    private const string SelectOne = "SELECT path, run_id, saved_at, gzip FROM iacbot.run_logs WHERE path = @path";

    private const string DeleteOld = "DELETE FROM iacbot.run_logs WHERE saved_at < @cutoff";

    public async Task SaveAsync(StoredRunLog log, CancellationToken cancellationToken)
    {
        await using var upsert = (await database.CommandAsync(Upsert, cancellationToken))
            .With("path", log.Path).With("run_id", log.RunId).With("saved_at", log.SavedAt).With("gzip", log.Gzip);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredRunLog?> GetAsync(string path, CancellationToken cancellationToken)
    {
        await using var select = (await database.CommandAsync(SelectOne, cancellationToken)).With("path", path);
        return (await select.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(DeleteOld, cancellationToken)).With("cutoff", cutoff);
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StoredRunLog Read(NpgsqlDataReader row) =>
        new(row.Get<string>("path"), row.Get<string>("run_id"), row.Get<DateTimeOffset>("saved_at"), row.Get<byte[]>("gzip"));
}
