using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Queues a batch of jobs with one commit for all their Enqueued states. Hangfire's client commits twice per job: the
/// job, then the state that puts it in the queue. The first commits stay one per job; the second, where a job
/// becomes visible to the workers, is shared. A job created and never given its state is seen by nobody and expires,
/// as one of the client's own half-made jobs would.
/// </summary>
internal sealed class HangfireJobBatchQueue(JobStorage storage, IJobFilterProvider filters, TimeProvider time) : IJobBatchQueue
{
    /// <summary>How long a job that never got its state is kept: Hangfire's client keeps its own for as long.</summary>
    private static readonly TimeSpan UnqueuedJobExpiry = TimeSpan.FromDays(30);

    private static readonly Dictionary<string, string?> NoParameters = [];

    private readonly StateMachine _states = new(filters);

    public IReadOnlyList<string> EnqueueAll(IReadOnlyList<Job> jobs)
    {
        using var connection = storage.GetConnection();
        var createdAt = time.GetUtcNow().UtcDateTime;
        var created = jobs
            .Select(job => new BackgroundJob(connection.CreateExpiredJob(job, NoParameters, createdAt, UnqueuedJobExpiry), job, createdAt))
            .ToList();
        using var transaction = connection.CreateWriteTransaction();
        foreach (var job in created)
        {
            _states.ApplyState(new ApplyStateContext(storage, connection, transaction, job, new EnqueuedState(), oldStateName: null));
        }

        transaction.Commit();
        return [.. created.Select(job => job.Id)];
    }
}
