using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// A counter row per PR and a row per open ticket. Issuing is one statement: the counter's upsert locks its row, so
/// racing deliveries on any replica get distinct, rising numbers, and the ticket is inserted with the number it got.
/// </summary>
internal sealed class PostgresTicketStore(PostgresDatabase database) : ITicketStore
{
    private const string Issue = """
        WITH next AS (
            INSERT INTO iacbot.ticket_counters (pull_key, last) VALUES (@pull_key, 1)
            ON CONFLICT (pull_key) DO UPDATE SET last = iacbot.ticket_counters.last + 1
            RETURNING last)
        INSERT INTO iacbot.tickets (pull_key, number, issued_at, claimed_by)
        SELECT @pull_key, last, @now, NULL FROM next
        RETURNING number
        """;

    private const string Claim = "UPDATE iacbot.tickets SET claimed_by = @claimed_by WHERE pull_key = @pull_key AND number = @number";

    private const string Close = "DELETE FROM iacbot.tickets WHERE pull_key = @pull_key AND number = @number";

    private const string OpenBefore = """
        SELECT number, issued_at, claimed_by FROM iacbot.tickets WHERE pull_key = @pull_key AND number < @number ORDER BY number
        """;

    public async Task<long> IssueAsync(PullRequestRef pull, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var issue = (await database.CommandAsync(Issue, cancellationToken)).With("pull_key", pull.ToString()).With("now", now);
        return (long)(await issue.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<bool> ClaimAsync(PullRequestRef pull, long ticket, string runId, CancellationToken cancellationToken) =>
        SetClaimAsync(pull, ticket, runId, cancellationToken);

    public Task UnclaimAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken) =>
        SetClaimAsync(pull, ticket, null, cancellationToken);

    public async Task CloseAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(Close, cancellationToken)).With("pull_key", pull.ToString()).With("number", ticket);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PullRequestTicket>> OpenBeforeAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        await using var select = (await database.CommandAsync(OpenBefore, cancellationToken))
            .With("pull_key", pull.ToString()).With("number", ticket);
        return await select.ListAsync(
            row => new PullRequestTicket(pull, row.Get<long>("number"), row.Get<DateTimeOffset>("issued_at"), row.Text("claimed_by")),
            cancellationToken);
    }

    private async Task<bool> SetClaimAsync(PullRequestRef pull, long ticket, string? runId, CancellationToken cancellationToken)
    {
        await using var update = (await database.CommandAsync(Claim, cancellationToken))
            .With("pull_key", pull.ToString()).With("number", ticket).With("claimed_by", runId);
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
