using Hangfire.Common;
using IaCBot.Core.Events;
using IaCBot.Server.Jobs;

namespace IaCBot.Server.Tests.Webhooks;

/// <summary>A job queue that keeps the comments of the jobs it was given, in order, and refuses while told to.</summary>
internal sealed class RecordingJobBatchQueue : IJobBatchQueue
{
    private readonly List<CommentEvent> _queued = [];

    public bool Refusing { get; set; }

    public IReadOnlyList<CommentEvent> Queued
    {
        get
        {
            lock (_queued)
            {
                return [.. _queued];
            }
        }
    }

    public IReadOnlyList<string> EnqueueAll(IReadOnlyList<Job> jobs)
    {
        lock (_queued)
        {
            if (Refusing)
            {
                throw new InvalidOperationException("The queue refuses jobs.");
            }

            _queued.AddRange(jobs.Select(job => (CommentEvent)job.Args[0]));
            return [.. Enumerable.Range(_queued.Count - jobs.Count + 1, jobs.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }
    }
}
