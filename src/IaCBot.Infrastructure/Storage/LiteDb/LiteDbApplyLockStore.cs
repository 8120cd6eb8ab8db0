using IaCBot.Core.Storage;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>The server-wide apply lock as one document with a fixed id: there is at most one.</summary>
internal sealed class LiteDbApplyLockStore(LiteDbContext context) : IApplyLockStore
{
    private const string Id = "applies";

    private readonly ILiteCollection<BsonDocument> _locks = context.Collection("apply_lock");

    public Task<ApplyLock?> GetAsync(CancellationToken cancellationToken)
    {
        var document = _locks.FindById(Id);
        return Task.FromResult(document is null
            ? null
            : new ApplyLock(
                document["by"].AsString,
                new DateTimeOffset(document["since"].AsDateTime, TimeSpan.Zero),
                document["reason"].IsNull ? null : document["reason"].AsString));
    }

    public Task SetAsync(ApplyLock applyLock, CancellationToken cancellationToken)
    {
        _locks.Upsert(new BsonDocument
        {
            ["_id"] = Id,
            ["by"] = applyLock.SetBy,
            ["since"] = applyLock.Since.UtcDateTime,
            ["reason"] = applyLock.Reason is null ? BsonValue.Null : new BsonValue(applyLock.Reason),
        });
        return Task.CompletedTask;
    }

    public Task<bool> ClearAsync(CancellationToken cancellationToken) => Task.FromResult(_locks.Delete(Id));
}
