using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// Job ids as primary keys: the insert that fails on the key tells a second run from the first. Each document also
/// says what the job is, so that a run a crash cut short can be reported at the next start.
/// </summary>
internal sealed class LiteDbJobLedger : IJobLedger
{
    private readonly ILiteCollection<BsonDocument> _jobs;
    private readonly Lock _takeOver = new();

    public LiteDbJobLedger(LiteDbContext context)
    {
        _jobs = context.Collection("jobs");
        _jobs.EnsureIndex("finished");
    }

    public Task<JobStart> StartAsync(JobRun run, CancellationToken cancellationToken)
    {
        try
        {
            _jobs.Insert(ToDocument(run));
            return Task.FromResult(JobStart.First);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var finished = !_jobs.FindById(run.JobId)["finished"].IsNull;
            return Task.FromResult(finished ? JobStart.AlreadyFinished : JobStart.Interrupted);
        }
    }

    public Task FinishAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = _jobs.FindById(jobId);
        if (job is not null)
        {
            job["finished"] = now.UtcDateTime;
            _jobs.Update(job);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs recorded before the ledger described its jobs have no pull request and are left out: the queue's
    /// redelivery of such a job still finds it unfinished and reports it.
    /// </summary>
    public Task<bool> TryTakeOverAsync(JobRun run, string owner, CancellationToken cancellationToken)
    {
        lock (_takeOver)
        {
            var job = _jobs.FindById(run.JobId);
            if (job is null || !job["finished"].IsNull || job["owner"].AsString != run.Owner)
            {
                return Task.FromResult(false);
            }

            job["owner"] = owner;
            return Task.FromResult(_jobs.Update(job));
        }
    }

    public Task<IReadOnlyList<JobRun>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JobRun>>(_jobs.Find(Query.EQ("finished", BsonValue.Null))
            .Where(d => d["number"].IsInt32)
            .Select(FromDocument)
            .OrderBy(r => r.StartedAt)
            .ThenBy(r => r.JobId, StringComparer.Ordinal)
            .ToList());

    private static BsonDocument ToDocument(JobRun run) => new()
    {
        ["_id"] = run.JobId,
        ["started"] = run.StartedAt.UtcDateTime,
        ["finished"] = BsonValue.Null,
        ["owner"] = run.Owner,
        ["host"] = run.Pull.Repo.Host,
        ["hostKind"] = run.Pull.Repo.Kind.ToString(),
        ["repoOwner"] = run.Pull.Repo.Owner,
        ["repo"] = run.Pull.Repo.Name,
        ["number"] = run.Pull.Number,
        ["kind"] = run.Kind.ToString(),
        ["command"] = run.Command,
        ["head"] = run.HeadSha is null ? BsonValue.Null : new BsonValue(run.HeadSha),
        ["payload"] = run.Payload,
    };

    private static JobRun FromDocument(BsonDocument d) => new(
        d["_id"].AsString,
        new PullRequestRef(new RepoId(d["host"].AsString, d["repoOwner"].AsString, d["repo"].AsString, StoredKind.Read(d)), d["number"].AsInt32),
        Enum.TryParse<JobKind>(d["kind"].AsString, out var kind) ? kind : JobKind.Other,
        d["command"].AsString,
        d["head"].IsNull ? null : d["head"].AsString,
        d["owner"].AsString,
        new DateTimeOffset(d["started"].AsDateTime, TimeSpan.Zero),
        d["payload"].AsString);
}
