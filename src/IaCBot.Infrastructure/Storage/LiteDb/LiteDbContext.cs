using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// The embedded database file under data_dir that holds locks, plans, deliveries and the outbox. One instance
/// per process: LiteDB's direct mode locks the file, and the instance is safe to share between threads.
/// </summary>
internal sealed class LiteDbContext : IDisposable
{
    /// <summary>The size of LiteDB's write-ahead log, in 8 KB pages, at which a commit folds it into the data file.</summary>
    private const int CheckpointPages = 100;

    /// <summary>
    /// Every collection the stores use (the last two are LiteDB's file storage, which holds plan files), all made when
    /// the file is opened, before any store runs. LiteDB 5 can fail a transaction that reads a collection while another
    /// thread makes it ("page type must be collection page"), and from then on refuses every call until the process
    /// restarts: once, a fresh data_dir whose first deliveries came in while the pump made its collections answered
    /// 503 to the rest of 10,500 deliveries (bench: intake mode).
    /// </summary>
    internal static readonly IReadOnlyList<string> Collections =
    [
        "apply_lock", "deliveries", "delivery_claims", "intake", "jobs", "locks", "outbox", "plans", "run_logs", "runs",
        "ticket_counters", "tickets", "_files", "_chunks",
    ];

    private static readonly BsonValue Placeholder = "iacbot-created";

    public LiteDbContext(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        Database.UtcDate = true;

        // After a crash, what was committed may still be in LiteDB's write-ahead log (iacbot-log.db). It is folded
        // into the data file before anything reads: once, after a SIGKILL at 500 deliveries/s, a read straight after
        // opening missed 76 intake entries that the same file held once checkpointed (see README, Performance).
        Database.Checkpoint();

        // LiteDB folds its log into the data file in the commit that finds the log over CheckpointSize pages, holding
        // every other reader and writer meanwhile. At its default of 1,000 pages (8 MB) that pause held webhook answers
        // for tens of milliseconds, several times a second at 500 deliveries/s; pauses a tenth as long keep their p99
        // at 13-14 ms instead of 17-38 (bench: intake mode).
        Database.CheckpointSize = CheckpointPages;
        CreateCollections();
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Collection(string name) => Database.GetCollection(name);

    public void Dispose() => Database.Dispose();

    /// <summary>LiteDB makes a collection at its first write; a placeholder written and deleted leaves it made and empty.</summary>
    private void CreateCollections()
    {
        var existing = Database.GetCollectionNames().ToHashSet(StringComparer.Ordinal);
        foreach (var name in Collections.Where(name => !existing.Contains(name)))
        {
            var collection = Database.GetCollection(name);
            collection.Insert(new BsonDocument { ["_id"] = Placeholder });
            collection.Delete(Placeholder);
        }
    }
}
