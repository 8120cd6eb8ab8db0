using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// The embedded database file under data_dir that holds locks, plans, deliveries and the outbox. One instance
/// per process: LiteDB's direct mode locks the file, and the instance is safe to share between threads.
/// </summary>
internal sealed class LiteDbContext : IDisposable
{
    public LiteDbContext(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        Database.UtcDate = true;

        // After a crash, what was committed may still be in LiteDB's write-ahead log (iacbot-log.db). It is folded
        // into the data file before anything reads: once, after a SIGKILL at 500 deliveries/s, a read straight after
        // opening missed 76 intake entries that the same file held once checkpointed (see README, Performance).
        Database.Checkpoint();
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Collection(string name) => Database.GetCollection(name);

    public void Dispose() => Database.Dispose();
}
