using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using IaCBot.Core.RunHistory;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// Run records as JSON in documents keyed by the job's id, beside the fields the pages filter and sort on. The record
/// is replaced whole at each save: it is small (steps and the reply, never the output, which is in the log files).
/// </summary>
internal sealed class LiteDbRunHistory : IRunHistory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ILiteCollection<BsonDocument> _runs;

    public LiteDbRunHistory(LiteDbContext context)
    {
        _runs = context.Collection("runs");
        _runs.EnsureIndex("repo");
        _runs.EnsureIndex("pull");
        _runs.EnsureIndex("started");
        _runs.EnsureIndex("running");
    }

    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        _runs.Upsert(new BsonDocument
        {
            ["_id"] = run.Id,
            ["repo"] = run.Pull.Repo.ToString(),
            ["pull"] = run.Pull.ToString(),
            ["started"] = run.StartedAt.UtcDateTime,
            ["running"] = run.Outcome == RunOutcome.Running,
            ["json"] = JsonSerializer.Serialize(run, Json),
        });
        return Task.CompletedTask;
    }

    public Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = _runs.FindById(id);
        return Task.FromResult(document is null ? null : Read(document));
    }

    public Task<IReadOnlyList<RunRecord>> ListAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var filters = new List<BsonExpression>();
        if (query.Repo is { Length: > 0 } repo)
        {
            filters.Add(Query.EQ("repo", repo));
        }

        if (query.Pull is { } pull)
        {
            filters.Add(Query.EQ("pull", pull.ToString()));
        }

        if (query.RunningOnly)
        {
            filters.Add(Query.EQ("running", true));
        }

        var runs = _runs.Query();
        foreach (var filter in filters)
        {
            runs = runs.Where(filter);
        }

        var found = runs.OrderByDescending("$.started").Limit(Math.Max(1, query.Limit)).ToEnumerable()
            .Select(Read)
            .OfType<RunRecord>()
            .ToList();
        return Task.FromResult<IReadOnlyList<RunRecord>>(found);
    }

    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // A run ends after it starts, so the indexed start narrows the search; the end is only in the record's JSON.
        var ended = Query.And(Query.EQ("running", false), Query.LT("started", cutoff.UtcDateTime));
        var ids = _runs.Find(ended)
            .Where(document => Read(document) is { } run && (run.FinishedAt ?? run.StartedAt) < cutoff)
            .Select(document => document["_id"])
            .ToList();
        var deleted = ids.Count == 0 ? 0 : _runs.DeleteMany(Query.And(Query.In("_id", ids), Query.EQ("running", false)));
        return Task.FromResult(deleted);
    }

    private static RunRecord? Read(BsonDocument document) => JsonSerializer.Deserialize<RunRecord>(document["json"].AsString, Json);
}
