using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using IaCBot.Core.Events;

namespace IaCBot.Server.Tests.Webhooks;

/// <summary>A job queue that keeps the comments of the jobs it was given, in order, and refuses while told to.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<CommentEvent> _queued = [];

    /// <summary>How many more jobs it takes before it refuses; null: it takes all.</summary>
    public int? TakesBeforeRefusing { get; set; }

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

    public string Create(Job job, IState state)
    {
        lock (_queued)
        {
            if (TakesBeforeRefusing is 0)
            {
                throw new InvalidOperationException("The queue refuses jobs.");
            }

            TakesBeforeRefusing--;
            _queued.Add((CommentEvent)job.Args[0]);
            return _queued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
