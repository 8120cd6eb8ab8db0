using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// A counter document per PR and a document per open ticket. Read-modify-write steps hold a lock: the database is
/// opened by this one process (LiteDB's direct mode locks the file), so the lock makes them atomic.
/// </summary>
internal sealed class LiteDbTicketStore : ITicketStore
{
    private readonly Lock _gate = new();
    private readonly ILiteCollection<BsonDocument> _counters;
    private readonly ILiteCollection<BsonDocument> _tickets;

    public LiteDbTicketStore(LiteDbContext context)
    {
        _counters = context.Collection("ticket_counters");
        _tickets = context.Collection("tickets");
        _tickets.EnsureIndex("pull");
    }

    public Task<long> IssueAsync(PullRequestRef pull, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = pull.ToString();
            var number = (_counters.FindById(key)?["last"].AsInt64 ?? 0) + 1;

            // The counter first: a crash between the two leaves a number nobody waits for, never a ticket issued twice.
            _counters.Upsert(new BsonDocument { ["_id"] = key, ["last"] = number });
            _tickets.Insert(new BsonDocument
            {
                ["_id"] = Id(pull, number),
                ["pull"] = key,
                ["number"] = number,
                ["issued"] = now.UtcDateTime,
                ["claimedBy"] = BsonValue.Null,
            });
            return Task.FromResult(number);
        }
    }

    public Task<bool> ClaimAsync(PullRequestRef pull, long ticket, string runId, CancellationToken cancellationToken) =>
        Task.FromResult(SetClaim(pull, ticket, runId));

    public Task UnclaimAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        SetClaim(pull, ticket, BsonValue.Null);
        return Task.CompletedTask;
    }

    public Task CloseAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        _tickets.Delete(Id(pull, ticket));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PullRequestTicket>> OpenBeforeAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        var open = _tickets.Find(Query.And(Query.EQ("pull", pull.ToString()), Query.LT("number", ticket)))
            .Select(d => new PullRequestTicket(
                pull,
                d["number"].AsInt64,
                new DateTimeOffset(DateTime.SpecifyKind(d["issued"].AsDateTime, DateTimeKind.Utc)),
                d["claimedBy"].IsNull ? null : d["claimedBy"].AsString))
            .OrderBy(t => t.Number)
            .ToList();
        return Task.FromResult<IReadOnlyList<PullRequestTicket>>(open);
    }

    private bool SetClaim(PullRequestRef pull, long ticket, BsonValue claimedBy)
    {
        lock (_gate)
        {
            var document = _tickets.FindById(Id(pull, ticket));
            if (document is null)
            {
                return false;
            }

            document["claimedBy"] = claimedBy;
            return _tickets.Update(document);
        }
    }

    private static string Id(PullRequestRef pull, long ticket) => $"{pull}/{ticket}";
}
