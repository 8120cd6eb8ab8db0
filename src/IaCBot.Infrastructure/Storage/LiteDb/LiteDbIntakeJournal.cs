using IaCBot.Core.Intake;
using IaCBot.Core.Storage;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// The journal as a collection of the LiteDB file, each batch one LiteDB transaction. One process holds the file,
/// so every entry in it is this process's to pump, whoever accepted it: owners are kept only to be told apart.
/// </summary>
internal sealed class LiteDbIntakeJournal : IIntakeJournal
{
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _entries;
    private readonly ILiteCollection<BsonDocument> _deliveries;
    private readonly Lock _gate = new();

    public LiteDbIntakeJournal(LiteDbContext context)
    {
        _database = context.Database;
        _entries = context.Database.GetCollection("intake", BsonAutoId.Int64);
        _entries.EnsureIndex("delivery", unique: true);
        _deliveries = context.Collection("deliveries");
    }

    public Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken)
    {
        var taken = new bool[batch.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // LiteDB transactions belong to a thread: this block is synchronous, and the lock keeps the check and the
        // insert together.
        lock (_gate)
        {
            _database.InTransaction(() =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var entry = batch[i];
                    taken[i] = seen.Add(entry.DeliveryId) && !Known(entry.DeliveryId);
                    if (taken[i])
                    {
                        _entries.Insert(Document(entry, owner));
                    }
                }
            });
        }

        return Task.FromResult<IReadOnlyList<bool>>(taken);
    }

    public Task<IReadOnlyList<JournaledDelivery>> PendingAsync(string owner, int max, CancellationToken cancellationToken)
    {
        // Walks the _id index from its start: no sort of a backlog that may be thousands long.
        var pending = _entries.Find(Query.All(Query.Ascending), limit: max).ToList();
        return Task.FromResult<IReadOnlyList<JournaledDelivery>>([.. pending.Select(Entry)]);
    }

    public Task CompleteAsync(IReadOnlyList<JournaledDelivery> done, CancellationToken cancellationToken)
    {
        if (done.Count == 0)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _database.InTransaction(() =>
            {
                foreach (var entry in done)
                {
                    _entries.Delete(entry.Sequence);
                }
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// In the journal already, or queued before (a delivery record without the field predates it: queued). The id is a
    /// parameter: LiteDB caches an expression by its text, and compiles a new text (the id inlined) every time.
    /// </summary>
    private bool Known(string deliveryId) =>
        _entries.Exists(BsonExpression.Create("delivery = @0", deliveryId))
        || (_deliveries.FindById(deliveryId) is { } record
            && (!record.TryGetValue("queued", out var queued) || !queued.IsBoolean || queued.AsBoolean));

    private static BsonDocument Document(IntakeEntry entry, string owner) => new()
    {
        ["delivery"] = entry.DeliveryId,
        ["event"] = entry.EventName,
        ["received"] = entry.ReceivedAt.UtcDateTime,
        ["owner"] = owner,
        ["work"] = entry.Work,
    };

    private static JournaledDelivery Entry(BsonDocument document) => new(
        document["_id"].AsInt64,
        new IntakeEntry(
            document["delivery"].AsString,
            document["event"].AsString,
            new DateTimeOffset(document["received"].AsDateTime, TimeSpan.Zero),
            document["work"].AsString));
}
