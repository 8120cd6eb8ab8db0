using IaCBot.Core.Outbox;
using IaCBot.Core.Vcs;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// The outbox ordered by an identity column: PostgreSQL hands out the sequence numbers, so messages added by
/// different replicas are still ordered.
/// </summary>
internal sealed class PostgresOutboxStore(PostgresDatabase database) : IOutboxStore
{
    private const string Fields = """
        kind, body, commit_sha, status_context, status_state, status_description, status_url, created_at, attempts,
        next_attempt_at, last_error, gave_up
        """;

    private const string Insert = $"""
        INSERT INTO iacbot.outbox (id, {NpgsqlExtensions.PullColumns}, {Fields})
        VALUES (@id, {NpgsqlExtensions.PullValues}, @kind, @body, @commit_sha, @status_context, @status_state, @status_description,
                @status_url, @created_at, @attempts, @next_attempt_at, @last_error, @gave_up)
        RETURNING sequence
        """;

    private const string Select = $"SELECT id, sequence, {NpgsqlExtensions.PullColumns}, {Fields} FROM iacbot.outbox WHERE NOT gave_up";

    private const string SelectAll = $"{Select} ORDER BY sequence";

    private const string SelectPull = $"{Select} AND pull_key = @pull_key ORDER BY sequence";

    private const string Update = """
        UPDATE iacbot.outbox SET kind = @kind, body = @body, commit_sha = @commit_sha, status_context = @status_context,
            status_state = @status_state, status_description = @status_description, status_url = @status_url,
            created_at = @created_at, attempts = @attempts, next_attempt_at = @next_attempt_at, last_error = @last_error,
            gave_up = @gave_up
        WHERE id = @id
        """;

    private const string Delete = "DELETE FROM iacbot.outbox WHERE id = @id";

    public async Task<OutboxMessage> AddAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var insert = WithFields(await database.CommandAsync(Insert, cancellationToken), message).WithPull(message.Pull);
        var sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return message with { Sequence = sequence };
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(PullRequestRef? pull, CancellationToken cancellationToken)
    {
        await using var select = pull is null
            ? await database.CommandAsync(SelectAll, cancellationToken)
            : (await database.CommandAsync(SelectPull, cancellationToken)).With("pull_key", pull.ToString());
        return await select.ListAsync(Read, cancellationToken);
    }

    public async Task UpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var update = WithFields(await database.CommandAsync(Update, cancellationToken), message);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(Delete, cancellationToken)).With("id", id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand WithFields(NpgsqlCommand command, OutboxMessage m) =>
        command.With("id", m.Id)
            .With("kind", m.Kind.ToString())
            .With("body", m.Body)
            .With("commit_sha", m.CommitSha)
            .With("status_context", m.Status?.Context)
            .With("status_state", m.Status?.State.ToString())
            .With("status_description", m.Status?.Description)
            .With("status_url", m.Status?.TargetUrl)
            .With("created_at", m.CreatedAt)
            .With("attempts", m.Attempts)
            .With("next_attempt_at", m.NextAttemptAt)
            .With("last_error", m.LastError)
            .With("gave_up", m.GaveUp);

    private static OutboxMessage Read(NpgsqlDataReader row)
    {
        var context = row.Text("status_context");
        var status = context is null
            ? null
            : new CommitStatus(
                context, Enum.Parse<CommitState>(row.Get<string>("status_state")), row.Get<string>("status_description"), row.Text("status_url"));
        return new OutboxMessage(
            row.Get<string>("id"),
            row.Get<long>("sequence"),
            row.Pull(),
            Enum.Parse<OutboxMessageKind>(row.Get<string>("kind")),
            row.Text("body"),
            row.Text("commit_sha"),
            status,
            row.Get<DateTimeOffset>("created_at"),
            row.Get<int>("attempts"),
            row.Time("next_attempt_at"),
            row.Text("last_error"),
            row.Get<bool>("gave_up"));
    }
}
