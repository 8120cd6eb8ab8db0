using IaCBot.Core.Storage;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// Job ids as primary keys: an insert that does nothing on the key tells a second run from the first, whichever
/// replica the queue handed it to. A run's owner is known alive while its session lock is held (see
/// <see cref="OwnerSessions"/>): only the runs of owners that are gone are listed as unfinished, so a replica that
/// starts while another runs a job leaves that job alone.
/// </summary>
internal sealed class PostgresJobLedger(PostgresDatabase database) : IJobLedger
{
    private const string Columns = $"id, started_at, owner, {NpgsqlExtensions.PullColumns}, kind, command, head_sha, payload";

    private const string Insert = $"""
        INSERT INTO iacbot.jobs ({Columns})
        VALUES (@id, @started_at, @owner, {NpgsqlExtensions.PullValues}, @kind, @command, @head_sha, @payload)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string Finished = "SELECT finished_at IS NOT NULL FROM iacbot.jobs WHERE id = @id";

    private const string Finish = "UPDATE iacbot.jobs SET finished_at = @now WHERE id = @id";

    /// <summary>
    /// Taking an owner's lock succeeds only when no session holds it; the transaction's end lets it go again at once.
    /// Owners this process holds are taken by its own other session, so they are left out too.
    /// </summary>
    private const string Unfinished = $"""
        SELECT {Columns} FROM iacbot.jobs
        WHERE finished_at IS NULL AND pg_try_advisory_xact_lock(hashtextextended(owner, 0))
        ORDER BY started_at, id COLLATE "C"
        """;

    private const string TakeOver = """
        UPDATE iacbot.jobs SET owner = @owner WHERE id = @id AND owner = @previous AND finished_at IS NULL
        """;

    public async Task<bool> TryTakeOverAsync(JobRun run, string owner, CancellationToken cancellationToken)
    {
        // Held first, so the run is never for a moment owned by someone who does not look alive.
        await database.Owners.HoldAsync(owner, cancellationToken);
        await using var update = (await database.CommandAsync(TakeOver, cancellationToken))
            .With("id", run.JobId).With("owner", owner).With("previous", run.Owner);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<JobStart> StartAsync(JobRun run, CancellationToken cancellationToken)
    {
        await database.Owners.HoldAsync(run.Owner, cancellationToken);
        await using var insert = (await database.CommandAsync(Insert, cancellationToken))
            .With("id", run.JobId).With("started_at", run.StartedAt).With("owner", run.Owner).WithPull(run.Pull)
            .With("kind", run.Kind.ToString()).With("command", run.Command).With("head_sha", run.HeadSha).With("payload", run.Payload);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return JobStart.First;
        }

        await using var select = (await database.CommandAsync(Finished, cancellationToken)).With("id", run.JobId);
        return await select.ExecuteScalarAsync(cancellationToken) is true ? JobStart.AlreadyFinished : JobStart.Interrupted;
    }

    public async Task FinishAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var update = (await database.CommandAsync(Finish, cancellationToken)).With("id", jobId).With("now", now);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobRun>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = new NpgsqlCommand(Unfinished, connection, transaction);
        var runs = await select.ListAsync(Read, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return runs;
    }

    private static JobRun Read(NpgsqlDataReader row) => new(
        row.Get<string>("id"),
        row.Pull(),
        Enum.TryParse<JobKind>(row.Get<string>("kind"), out var kind) ? kind : JobKind.Other,
        row.Get<string>("command"),
        row.Text("head_sha"),
        row.Get<string>("owner"),
        row.Get<DateTimeOffset>("started_at"),
        row.Get<string>("payload"));
}
