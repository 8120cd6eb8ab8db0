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
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _counters;
    private readonly ILiteCollection<BsonDocument> _tickets;

    public LiteDbTicketStore(LiteDbContext context)
    {
        _database = context.Database;
        _counters = context.Collection("ticket_counters");
        _tickets = context.Collection("tickets");
        _tickets.EnsureIndex("pull");
    }

    public async Task<long> IssueAsync(PullRequestRef pull, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await IssueAllAsync([pull], now, cancellationToken))[0];

    public Task<IReadOnlyList<long>> IssueAllAsync(IReadOnlyList<PullRequestRef> pulls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var numbers = new long[pulls.Count];
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (_gate)
        {
            _database.InTransaction(() =>
            {
                for (var i = 0; i < pulls.Count; i++)
                {
                    var key = pulls[i].ToString();
                    numbers[i] = last[key] = (last.TryGetValue(key, out var before) ? before : _counters.FindById(key)?["last"].AsInt64 ?? 0) + 1;
                    _tickets.Insert(Ticket(pulls[i], numbers[i], now));
                }

                foreach (var (key, number) in last)
                {
                    _counters.Upsert(new BsonDocument { ["_id"] = key, ["last"] = number });
                }
            });
        }

        return Task.FromResult<IReadOnlyList<long>>(numbers);
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

    private static BsonDocument Ticket(PullRequestRef pull, long number, DateTimeOffset now) => new()
    {
        ["_id"] = Id(pull, number),
        ["pull"] = pull.ToString(),
        ["number"] = number,
        ["issued"] = now.UtcDateTime,
        ["claimedBy"] = BsonValue.Null,
    };

    private static string Id(PullRequestRef pull, long ticket) => $"{pull}/{ticket}";
}
