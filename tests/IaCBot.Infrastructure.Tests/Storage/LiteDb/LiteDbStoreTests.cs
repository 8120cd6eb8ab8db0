using System.Diagnostics.CodeAnalysis;
using IaCBot.Core.Storage;
using IaCBot.Infrastructure.Storage.LiteDb;
using LiteDB;

namespace IaCBot.Infrastructure.Tests.Storage.LiteDb;

/// <summary>The store contract on the embedded LiteDB file, plus what only an old LiteDB file can hold.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit closes it through IAsyncLifetime.DisposeAsync (CloseAsync).")]
public sealed class LiteDbStoreTests : StoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-litedb-").FullName;
    private LiteDbContext? _context;

    [Fact]
    public async Task Runs_recorded_before_the_ledger_described_its_jobs_are_left_to_the_queue()
    {
        _context!.Collection("jobs").Insert(new BsonDocument
        {
            ["_id"] = "old", ["started"] = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), ["finished"] = BsonValue.Null,
        });
        var ledger = new LiteDbJobLedger(_context);

        Assert.Empty(await ledger.ListUnfinishedAsync(CancellationToken.None));
        Assert.Equal(JobStart.Interrupted, await ledger.StartAsync(Run("old"), CancellationToken.None));
    }

    [Fact]
    public void A_fresh_file_has_every_collection_as_soon_as_it_is_opened_and_each_is_empty()
    {
        var database = _context!.Database;

        Assert.Equal(LiteDbContext.Collections.Order(), database.GetCollectionNames().Order());
        Assert.All(LiteDbContext.Collections, name => Assert.Equal(0, database.GetCollection(name).Count()));
    }

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Stores Open()
    {
        _context = new LiteDbContext(Path.Combine(_dir, "iacbot.db"));
        return new Stores(
            new LiteDbLockStore(_context), new LiteDbPlanStore(_context), new LiteDbDeliveryStore(_context), new LiteDbOutboxStore(_context),
            new LiteDbJobLedger(_context), new LiteDbApplyLockStore(_context), new LiteDbTicketStore(_context),
            new LiteDbRunHistory(_context), new LiteDbRunLogStore(_context), new LiteDbIntakeJournal(_context));
    }

    /// <summary>Whatever the test did, it wrote to no collection beyond those made when the file was opened.</summary>
    protected override Task CloseAsync()
    {
        Assert.Subset(LiteDbContext.Collections.ToHashSet(), _context!.Database.GetCollectionNames().ToHashSet());
        _context.Dispose();
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
