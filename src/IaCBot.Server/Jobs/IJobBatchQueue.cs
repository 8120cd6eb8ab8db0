using Hangfire.Common;

namespace IaCBot.Server.Jobs;

/// <summary>The job queue as the intake pump uses it: a round's jobs queued together.</summary>
internal interface IJobBatchQueue
{
    /// <summary>
    /// Queues the jobs, in their order, and returns their ids; when it throws, none of them was queued (or, should
    /// the commit fail after it was made, all of them were: the delivery claims turn a second job into nothing).
    /// </summary>
    IReadOnlyList<string> EnqueueAll(IReadOnlyList<Job> jobs);
}
