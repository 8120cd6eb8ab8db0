using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// A counter row per PR and a row per open ticket. Issuing is one statement: the counter's upsert locks its row, so
/// racing deliveries on any replica get distinct, rising numbers, and the ticket is inserted with the number it got.
/// </summary>
internal sealed class PostgresTicketStore(PostgresDatabase database) : ITicketStore
{
    /// <summary>
    /// Each PR's counter goes up by its count, once, and its tickets take the numbers in between. Counters are locked in
    /// key order, so that two replicas issuing for the same PRs cannot deadlock.
    /// </summary>
    private const string IssueAll = """
        WITH wanted AS (SELECT pull_key, count(*) AS n FROM unnest(@pull_keys) AS p(pull_key) GROUP BY pull_key),
        next AS (
            INSERT INTO iacbot.ticket_counters (pull_key, last) SELECT pull_key, n FROM wanted ORDER BY pull_key
            ON CONFLICT (pull_key) DO UPDATE SET last = iacbot.ticket_counters.last + excluded.last
            RETURNING pull_key, last)
        INSERT INTO iacbot.tickets (pull_key, number, issued_at, claimed_by)
        SELECT next.pull_key, number, @now, NULL
        FROM next JOIN wanted USING (pull_key), generate_series(next.last - wanted.n + 1, next.last) AS number
        RETURNING pull_key, number
        """;

    private const string Claim = "UPDATE iacbot.tickets SET claimed_by = @claimed_by WHERE pull_key = @pull_key AND number = @number";

    private const string Close = "DELETE FROM iacbot.tickets WHERE pull_key = @pull_key AND number = @number";

    private const string OpenBefore = """
        SELECT number, issued_at, claimed_by FROM iacbot.tickets WHERE pull_key = @pull_key AND number < @number ORDER BY number
        """;

    public async Task<long> IssueAsync(PullRequestRef pull, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await IssueAllAsync([pull], now, cancellationToken))[0];

    public async Task<IReadOnlyList<long>> IssueAllAsync(IReadOnlyList<PullRequestRef> pulls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pulls.Count == 0)
        {
            return [];
        }

        var keys = pulls.Select(p => p.ToString()).ToArray();
        await using var issue = (await database.CommandAsync(IssueAll, cancellationToken)).With("pull_keys", keys).With("now", now);
        var issued = await issue.ListAsync(r => (Key: r.GetString(0), Number: r.GetInt64(1)), cancellationToken);

        // Each PR's numbers go to its places in the list, lowest first.
        var byPull = issued.GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<long>(g.Select(t => t.Number).Order()), StringComparer.Ordinal);
        return [.. keys.Select(k => byPull[k].Dequeue())];
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
