using System.Diagnostics.CodeAnalysis;
using IaCBot.Infrastructure.Storage.Postgres;
using IaCBot.Tests.Postgres;

namespace IaCBot.Infrastructure.Tests.Storage.Postgres;

/// <summary>The store contract on PostgreSQL, each test in a database of its own.</summary>
[Collection(SharedPostgres.Name)]
[SuppressMessage("Design", "CA1001", Justification = "xunit closes it through IAsyncLifetime.DisposeAsync (CloseAsync).")]
public sealed class PostgresStoreTests(PostgresCluster cluster) : StoreContractTests
{
    private readonly string _name = $"iacbot_test_{Guid.NewGuid():N}";
    private string? _connectionString;
    private PostgresDatabase? _database;

    [Fact]
    public async Task A_run_of_a_replica_that_is_still_up_is_not_listed_as_unfinished_until_that_replica_is_gone()
    {
        var replica = new PostgresDatabase(_connectionString!);
        var run = Run("1", Core.Storage.JobKind.Apply) with { Owner = "replica-a" };
        await new PostgresJobLedger(replica).StartAsync(run, CancellationToken.None);

        Assert.Empty(await Store.Ledger.ListUnfinishedAsync(CancellationToken.None));
        await replica.DisposeAsync();

        Assert.Equal([run], await Store.Ledger.ListUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_journal_entries_of_a_replica_that_is_still_up_are_left_to_it_until_it_is_gone()
    {
        var replica = new PostgresDatabase(_connectionString!);
        var journal = new PostgresIntakeJournal(replica);
        await journal.AppendAsync([new Core.Intake.IntakeEntry("d-1", "issue_comment", DateTimeOffset.UnixEpoch, "{}")], "replica-a", CancellationToken.None);

        Assert.Empty(await Store.Intake.PendingAsync("replica-b", 10, CancellationToken.None));
        await replica.DisposeAsync();

        Assert.Equal(["d-1"], (await Store.Intake.PendingAsync("replica-b", 10, CancellationToken.None)).Select(e => e.Entry.DeliveryId));
        Assert.Empty(await new PostgresIntakeJournal(_database!).PendingAsync("replica-c", 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_journal_entries_of_every_replica_that_is_gone_are_taken_at_once_and_those_of_one_still_up_are_left()
    {
        var alive = new PostgresDatabase(_connectionString!);
        var replicas = new[] { ("replica-a", new PostgresDatabase(_connectionString!)), ("replica-c", alive), ("replica-d", new PostgresDatabase(_connectionString!)) };
        foreach (var (owner, database) in replicas)
        {
            await new PostgresIntakeJournal(database).AppendAsync([Entry($"from-{owner}")], owner, CancellationToken.None);
        }

        await replicas[0].Item2.DisposeAsync();
        await replicas[2].Item2.DisposeAsync();

        var taken = await Store.Intake.PendingAsync("replica-b", 10, CancellationToken.None);
        Assert.Equal(["from-replica-a", "from-replica-d"], taken.Select(e => e.Entry.DeliveryId));
        Assert.Equal(["from-replica-c"], (await new PostgresIntakeJournal(alive).PendingAsync("replica-c", 10, CancellationToken.None)).Select(e => e.Entry.DeliveryId));
        await alive.DisposeAsync();
    }

    [Fact]
    public async Task The_journal_append_is_planned_once_and_not_again_for_each_batch()
    {
        // One caller at a time: the pool keeps one connection, so every batch runs in the session asked afterwards.
        await using var replica = new PostgresDatabase(_connectionString!);
        var journal = new PostgresIntakeJournal(replica);
        for (var i = 0; i < 12; i++)
        {
            await journal.AppendAsync([.. Enumerable.Range(0, i + 1).Select(n => Entry($"d-{i}-{n}"))], "replica-a", CancellationToken.None);
        }

        await using var plans = (await replica.GenericPlanCommandAsync(
            "SELECT custom_plans, generic_plans FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO iacbot.intake%'",
            CancellationToken.None));
        await using var reader = await plans.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the append was never prepared");
        Assert.Equal(0L, reader.GetInt64(0));
        Assert.True(reader.GetInt64(1) > 0);
    }

    [Fact]
    public async Task Options_the_operator_gives_the_server_still_apply_beside_the_plan_setting()
    {
        var withOptions = new Npgsql.NpgsqlConnectionStringBuilder(_connectionString) { Options = "-c statement_timeout=4321" }.ConnectionString;
        await using var replica = new PostgresDatabase(withOptions);

        await using var show = await replica.GenericPlanCommandAsync(
            "SELECT current_setting('statement_timeout'), current_setting('plan_cache_mode')", CancellationToken.None);
        await using var reader = await show.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal("4321ms", reader.GetString(0));
        Assert.Equal("force_generic_plan", reader.GetString(1));
    }

    protected override async Task CreateDatabaseAsync() => _connectionString = await cluster.CreateDatabaseAsync(_name);

    protected override Stores Open()
    {
        _database = new PostgresDatabase(_connectionString!);
        return new Stores(
            new PostgresLockStore(_database), new PostgresPlanStore(_database), new PostgresDeliveryStore(_database),
            new PostgresOutboxStore(_database), new PostgresJobLedger(_database), new PostgresApplyLockStore(_database),
            new PostgresTicketStore(_database), new PostgresRunHistory(_database), new PostgresRunLogStore(_database), new PostgresIntakeJournal(_database));
    }

    protected override async Task CloseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static Core.Intake.IntakeEntry Entry(string deliveryId) => new(deliveryId, "issue_comment", DateTimeOffset.UnixEpoch, "{}");

    protected override Task DropDatabaseAsync() => cluster.DropDatabaseAsync(_name);
}
