using System.Text.Json;
using IaCBot.Core.RunHistory;
using Npgsql;
using NpgsqlTypes;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// Run records as JSON rows keyed by the job's id, beside the columns the pages filter and sort on, so every replica
/// shows every run. A save replaces the record whole: it holds steps and the reply, never the output.
/// </summary>
internal sealed class PostgresRunHistory(PostgresDatabase database) : IRunHistory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Upsert = """
        INSERT INTO iacbot.runs (id, repo, pull_key, started, running, record)
        VALUES (@id, @repo, @pull_key, @started, @running, @record)
        ON CONFLICT (id) DO UPDATE SET repo = excluded.repo, pull_key = excluded.pull_key, started = excluded.started,
            running = excluded.running, record = excluded.record
        """;

    private const string SelectOne = "SELECT record::text AS record FROM iacbot.runs WHERE id = @id";

    private const string SelectMany = """
        SELECT record::text AS record FROM iacbot.runs
        WHERE (@repo::text IS NULL OR repo = @repo) AND (@pull_key::text IS NULL OR pull_key = @pull_key)
            AND (NOT @running_only OR running)
        ORDER BY started DESC
        LIMIT @limit
        """;

    // The start is indexed and a run ends after it starts; an interrupted run may have no end, so it counts from its
    // start. Replicas running this at once are harmless: a row one of them deleted is not there for the other.
    private const string DeleteEnded = """
        DELETE FROM iacbot.runs
        WHERE NOT running AND started < @cutoff
            AND COALESCE((record->>'finishedAt')::timestamptz, started) < @cutoff
        """;

    public async Task SaveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        await using var upsert = (await database.CommandAsync(Upsert, cancellationToken))
            .With("id", run.Id).With("repo", run.Pull.Repo.ToString()).With("pull_key", run.Pull.ToString())
            .With("started", run.StartedAt).With("running", run.Outcome == RunOutcome.Running);
        upsert.Parameters.Add(new NpgsqlParameter("record", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(run, Json) });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var select = (await database.CommandAsync(SelectOne, cancellationToken)).With("id", id);
        return (await select.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<RunRecord>> ListAsync(RunQuery query, CancellationToken cancellationToken)
    {
        await using var select = (await database.CommandAsync(SelectMany, cancellationToken))
            .With("repo", query.Repo is { Length: > 0 } repo ? repo : null)
            .With("pull_key", query.Pull?.ToString())
            .With("running_only", query.RunningOnly)
            .With("limit", Math.Max(1, query.Limit));
        return (await select.ListAsync(Read, cancellationToken)).OfType<RunRecord>().ToList();
    }

    public async Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(DeleteEnded, cancellationToken)).With("cutoff", cutoff);
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static RunRecord? Read(NpgsqlDataReader row) => JsonSerializer.Deserialize<RunRecord>(row.Get<string>("record"), Json);
}
