using IaCBot.Core.RunLogs;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// Finished runs' logs, compressed, one document per log keyed by its path. A kept log is at most 1 MiB before
/// compression, well under LiteDB's limit on a document.
/// </summary>
internal sealed class LiteDbRunLogStore : IRunLogStore
{
    private readonly ILiteCollection<BsonDocument> _logs;

    public LiteDbRunLogStore(LiteDbContext context)
    {
        _logs = context.Collection("run_logs");
        _logs.EnsureIndex("saved");
    }

    public Task SaveAsync(StoredRunLog log, CancellationToken cancellationToken)
    {
        _logs.Upsert(new BsonDocument
        {
            ["_id"] = log.Path,
            ["run"] = log.RunId,
            ["saved"] = log.SavedAt.UtcDateTime,
            ["gzip"] = log.Gzip,
        });
        return Task.CompletedTask;
    }

    public Task<StoredRunLog?> GetAsync(string path, CancellationToken cancellationToken)
    {
        var document = _logs.FindById(path);
        return Task.FromResult(document is null
            ? null
            : new StoredRunLog(path, document["run"].AsString, new DateTimeOffset(document["saved"].AsDateTime, TimeSpan.Zero), document["gzip"].AsBinary));
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult(_logs.DeleteMany(Query.LT("saved", cutoff.UtcDateTime)));
}
