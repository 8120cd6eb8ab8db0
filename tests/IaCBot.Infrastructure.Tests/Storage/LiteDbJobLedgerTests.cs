using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.Storage.LiteDb;
using LiteDB;

namespace IaCBot.Infrastructure.Tests.Storage;

public sealed class LiteDbJobLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 7);
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-ledger-").FullName;
    private LiteDbContext _context;

    public LiteDbJobLedgerTests() => _context = new LiteDbContext(Path.Combine(_dir, "iacbot.db"));

    [Fact]
    public async Task The_ledger_tells_a_first_run_from_a_finished_one_and_an_interrupted_one()
    {
        var ledger = new LiteDbJobLedger(_context);

        Assert.Equal(JobStart.First, await ledger.StartAsync(Run("1"), CancellationToken.None));
        Assert.Equal(JobStart.Interrupted, await ledger.StartAsync(Run("1"), CancellationToken.None));
        await ledger.FinishAsync("1", Now, CancellationToken.None);
        ledger = Reopen();
        Assert.Equal(JobStart.AlreadyFinished, await ledger.StartAsync(Run("1"), CancellationToken.None));
        Assert.Equal(JobStart.First, await ledger.StartAsync(Run("2"), CancellationToken.None));
    }

    [Fact]
    public async Task Runs_never_finished_are_listed_after_a_reopen_with_what_they_were()
    {
        var ledger = new LiteDbJobLedger(_context);
        var apply = Run("10", JobKind.Apply, "iacbot apply -d app", head: null, startedAt: Now.AddMinutes(1));
        var autoplan = Run("9", JobKind.Autoplan, "pull_request opened", head: "6dcb09b5", startedAt: Now);
        await ledger.StartAsync(apply, CancellationToken.None);
        await ledger.StartAsync(autoplan, CancellationToken.None);
        await ledger.StartAsync(Run("11"), CancellationToken.None);
        await ledger.FinishAsync("11", Now, CancellationToken.None);

        var unfinished = await Reopen().ListUnfinishedAsync(CancellationToken.None);

        Assert.Equal([autoplan, apply], unfinished);
    }

    [Fact]
    public async Task A_run_that_was_dealt_with_is_no_longer_listed_and_a_second_hand_out_does_nothing()
    {
        var ledger = new LiteDbJobLedger(_context);
        await ledger.StartAsync(Run("1", JobKind.Apply), CancellationToken.None);

        await ledger.FinishAsync("1", Now, CancellationToken.None);

        Assert.Empty(await ledger.ListUnfinishedAsync(CancellationToken.None));
        Assert.Equal(JobStart.AlreadyFinished, await ledger.StartAsync(Run("1", JobKind.Apply), CancellationToken.None));
    }

    [Fact]
    public async Task Runs_recorded_before_the_ledger_described_its_jobs_are_left_to_the_queue()
    {
        _context.Collection("jobs").Insert(new BsonDocument { ["_id"] = "old", ["started"] = Now.UtcDateTime, ["finished"] = BsonValue.Null });
        var ledger = new LiteDbJobLedger(_context);

        Assert.Empty(await ledger.ListUnfinishedAsync(CancellationToken.None));
        Assert.Equal(JobStart.Interrupted, await ledger.StartAsync(Run("old"), CancellationToken.None));
    }

    public void Dispose()
    {
        _context.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private LiteDbJobLedger Reopen()
    {
        _context.Dispose();
        _context = new LiteDbContext(Path.Combine(_dir, "iacbot.db"));
        return new LiteDbJobLedger(_context);
    }

    private static JobRun Run(string id, JobKind kind = JobKind.Plan, string command = "iacbot plan", string? head = null, DateTimeOffset? startedAt = null) =>
        new(id, Pull, kind, command, head, "host:42:abc", startedAt ?? Now, $"{{\"job\":\"{id}\"}}");
}
