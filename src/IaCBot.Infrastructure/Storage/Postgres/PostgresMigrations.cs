using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// The schema, as numbered steps applied once each at start-up. Replicas starting together take a transaction-scoped
/// advisory lock first, so exactly one applies a step and the others find it recorded in <c>schema_version</c>.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Any fixed number all IaCBot processes agree on; it names the lock in <c>pg_locks</c>.</summary>
    private const long MigrationLockKey = 0x1AC_B07_0001;

    private const string Prepare = """
        SELECT pg_advisory_xact_lock(@key);
        CREATE SCHEMA IF NOT EXISTS iacbot;
        CREATE TABLE IF NOT EXISTS iacbot.schema_version (
            version int PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now());
        """;

    private const string CurrentVersion = "SELECT coalesce(max(version), 0) FROM iacbot.schema_version";

    private const string Record = "INSERT INTO iacbot.schema_version (version) VALUES (@version)";

    /// <summary>Each step runs once, in order; a step is never edited after it shipped, a new one is added.</summary>
    private static readonly string[] Steps = [PostgresSchema.Initial, PostgresSchema.RunHistory, PostgresSchema.RunLogs, PostgresSchema.Intake,
        PostgresSchema.DeliveryClaims];

    /// <summary>The version a fully migrated database is at.</summary>
    public static int LatestVersion => Steps.Length;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var prepare = new NpgsqlCommand(Prepare, connection, transaction))
        {
            prepare.Parameters.AddWithValue("key", MigrationLockKey);
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var read = new NpgsqlCommand(CurrentVersion, connection, transaction))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken));
        }

        for (var version = current + 1; version <= Steps.Length; version++)
        {
            await using var step = new NpgsqlCommand(Steps[version - 1], connection, transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new NpgsqlCommand(Record, connection, transaction);
            record.Parameters.AddWithValue("version", version);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
