using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.Storage.LiteDb;

namespace IaCBot.Infrastructure.Tests.Storage;

public sealed class LiteDbTicketStoreTests : IDisposable
{
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-tickets-").FullName;
    private LiteDbContext _context;

    public LiteDbTicketStoreTests() => _context = new LiteDbContext(Path.Combine(_dir, "iacbot.db"));

    private LiteDbTicketStore Store => new(_context);

    [Fact]
    public async Task Fifty_deliveries_racing_for_tickets_of_one_pull_request_get_fifty_numbers_in_a_row()
    {
        var store = Store;

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => store.IssueAsync(Pull, Now, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), numbers.Order());
    }

    [Fact]
    public async Task Each_pull_request_counts_its_own_tickets()
    {
        var store = Store;
        await store.IssueAsync(Pull, Now, CancellationToken.None);

        Assert.Equal(1, await store.IssueAsync(Pull with { Number = 2 }, Now, CancellationToken.None));
        Assert.Equal(2, await store.IssueAsync(Pull, Now, CancellationToken.None));
    }

    [Fact]
    public async Task Open_tickets_and_their_claims_survive_a_restart_and_numbers_go_on_after_closed_ones()
    {
        var store = Store;
        var first = await store.IssueAsync(Pull, Now, CancellationToken.None);
        var second = await store.IssueAsync(Pull, Now.AddSeconds(1), CancellationToken.None);
        var third = await store.IssueAsync(Pull, Now.AddSeconds(2), CancellationToken.None);
        Assert.True(await store.ClaimAsync(Pull, second, "run-1", CancellationToken.None));
        await store.CloseAsync(Pull, third, CancellationToken.None);

        Reopen();
        store = Store;

        var open = await store.OpenBeforeAsync(Pull, 10, CancellationToken.None);
        Assert.Equal([first, second], open.Select(t => t.Number));
        Assert.Equal([null, "run-1"], open.Select(t => t.ClaimedBy));
        Assert.Equal(Now.AddSeconds(1), open[1].IssuedAt);
        Assert.Equal(4, await store.IssueAsync(Pull, Now, CancellationToken.None));
    }

    [Fact]
    public async Task Only_earlier_tickets_are_listed_and_a_closed_ticket_cannot_be_claimed()
    {
        var store = Store;
        var first = await store.IssueAsync(Pull, Now, CancellationToken.None);
        var second = await store.IssueAsync(Pull, Now, CancellationToken.None);
        await store.IssueAsync(Pull, Now, CancellationToken.None);

        await store.CloseAsync(Pull, first, CancellationToken.None);

        Assert.Empty(await store.OpenBeforeAsync(Pull, second, CancellationToken.None));
        Assert.False(await store.ClaimAsync(Pull, first, "run-1", CancellationToken.None));
    }

    [Fact]
    public async Task An_unclaimed_ticket_waits_for_a_job_again()
    {
        var store = Store;
        var ticket = await store.IssueAsync(Pull, Now, CancellationToken.None);
        await store.ClaimAsync(Pull, ticket, "run-1", CancellationToken.None);

        await store.UnclaimAsync(Pull, ticket, CancellationToken.None);

        Assert.Null(Assert.Single(await store.OpenBeforeAsync(Pull, ticket + 1, CancellationToken.None)).ClaimedBy);
    }

    public void Dispose()
    {
        _context.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private void Reopen()
    {
        _context.Dispose();
        _context = new LiteDbContext(Path.Combine(_dir, "iacbot.db"));
    }
}
