using IaCBot.Core.Storage;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>Job ids as primary keys: the insert that fails on the key tells a second run from the first.</summary>
internal sealed class LiteDbJobLedger(LiteDbContext context) : IJobLedger
{
    private readonly ILiteCollection<BsonDocument> _jobs = context.Collection("jobs");

    public Task<JobStart> StartAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            _jobs.Insert(new BsonDocument { ["_id"] = jobId, ["started"] = now.UtcDateTime, ["finished"] = BsonValue.Null });
            return Task.FromResult(JobStart.First);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var finished = !_jobs.FindById(jobId)["finished"].IsNull;
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
}
