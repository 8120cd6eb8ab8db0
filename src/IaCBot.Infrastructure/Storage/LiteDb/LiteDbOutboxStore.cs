using IaCBot.Core.Outbox;
using IaCBot.Core.Vcs;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>The outbox as documents ordered by a sequence number that survives restarts.</summary>
internal sealed class LiteDbOutboxStore : IOutboxStore
{
    private readonly ILiteCollection<BsonDocument> _messages;
    private readonly Lock _sequenceGate = new();
    private long _lastSequence;

    public LiteDbOutboxStore(LiteDbContext context)
    {
        _messages = context.Collection("outbox");
        _messages.EnsureIndex("sequence", unique: true);
        _messages.EnsureIndex("pull");
        _lastSequence = _messages.FindOne(Query.All("sequence", Query.Descending))?["sequence"].AsInt64 ?? 0;
    }

    public Task<OutboxMessage> AddAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_sequenceGate)
        {
            var stored = message with { Sequence = ++_lastSequence };
            _messages.Insert(ToDocument(stored));
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(PullRequestRef? pull, CancellationToken cancellationToken)
    {
        var query = Query.EQ("gaveUp", false);
        if (pull is not null)
        {
            query = Query.And(query, Query.EQ("pull", pull.ToString()));
        }

        return Task.FromResult<IReadOnlyList<OutboxMessage>>(
            _messages.Find(query).Select(FromDocument).OrderBy(m => m.Sequence).ToList());
    }

    public Task UpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        _messages.Update(ToDocument(message));
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        _messages.Delete(id);
        return Task.CompletedTask;
    }

    private static BsonDocument ToDocument(OutboxMessage m) => new()
    {
        ["_id"] = m.Id,
        ["sequence"] = m.Sequence,
        ["pull"] = m.Pull.ToString(),
        ["host"] = m.Pull.Repo.Host,
        ["hostKind"] = m.Pull.Repo.Kind.ToString(),
        ["owner"] = m.Pull.Repo.Owner,
        ["repo"] = m.Pull.Repo.Name,
        ["number"] = m.Pull.Number,
        ["kind"] = m.Kind.ToString(),
        ["body"] = m.Body is null ? BsonValue.Null : m.Body,
        ["sha"] = m.CommitSha is null ? BsonValue.Null : m.CommitSha,
        ["statusContext"] = m.Status is null ? BsonValue.Null : m.Status.Context,
        ["statusState"] = m.Status is null ? BsonValue.Null : m.Status.State.ToString(),
        ["statusDescription"] = m.Status is null ? BsonValue.Null : m.Status.Description,
        ["statusUrl"] = m.Status?.TargetUrl is null ? BsonValue.Null : m.Status.TargetUrl,
        ["created"] = m.CreatedAt.UtcDateTime,
        ["attempts"] = m.Attempts,
        ["next"] = m.NextAttemptAt is null ? BsonValue.Null : m.NextAttemptAt.Value.UtcDateTime,
        ["lastError"] = m.LastError is null ? BsonValue.Null : m.LastError,
        ["gaveUp"] = m.GaveUp,
    };

    private static OutboxMessage FromDocument(BsonDocument d)
    {
        var repo = new RepoId(d["host"].AsString, d["owner"].AsString, d["repo"].AsString, StoredKind.Read(d));
        var status = d["statusContext"].IsNull
            ? null
            : new CommitStatus(
                d["statusContext"].AsString,
                Enum.Parse<CommitState>(d["statusState"].AsString),
                d["statusDescription"].AsString,
                d["statusUrl"].IsNull ? null : d["statusUrl"].AsString);
        return new OutboxMessage(
            d["_id"].AsString,
            d["sequence"].AsInt64,
            new PullRequestRef(repo, d["number"].AsInt32),
            Enum.Parse<OutboxMessageKind>(d["kind"].AsString),
            d["body"].IsNull ? null : d["body"].AsString,
            d["sha"].IsNull ? null : d["sha"].AsString,
            status,
            Utc(d["created"]),
            d["attempts"].AsInt32,
            d["next"].IsNull ? null : Utc(d["next"]),
            d["lastError"].IsNull ? null : d["lastError"].AsString,
            d["gaveUp"].AsBoolean);
    }

    private static DateTimeOffset Utc(BsonValue value) =>
        new(DateTime.SpecifyKind(value.AsDateTime, DateTimeKind.Utc));
}
