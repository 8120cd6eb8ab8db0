using Hangfire;
using IaCBot.Core.Recovery;
using IaCBot.Core.RunHistory;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Deals with one run a stop cut short: reports it, queues its work again as a new job when that is safe, and marks
/// it finished, so that the queue handing out the old job again later does nothing.
/// </summary>
internal sealed partial class InterruptedJobs(
    InterruptedRunHandler handler,
    IJobLedger ledger,
    IRunHistory history,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<InterruptedJobs> logger)
{
    public async Task DealWithAsync(JobRun run, CancellationToken cancellationToken)
    {
        // A run without a pull request has no one to tell but its record, and is not run again: the caller who
        // queued it decides. The locks an apply held stay, as a pull request's do, for a person to look at.
        if (RefTarget.IsRefRun(run.Pull))
        {
            LogRefRunInterrupted(run.JobId, run.Command);
        }
        else if (await handler.HandleAsync(run, cancellationToken) == RecoveryAction.RunAgain)
        {
            var (pullRequest, comment) = QueuedWork.FromJson(run.Payload);
            var jobId = pullRequest is not null
                ? jobs.Enqueue<WebhookJobs>(j => j.PullRequestAsync(pullRequest, null, CancellationToken.None))
                : jobs.Enqueue<WebhookJobs>(j => j.CommentAsync(comment!, null, CancellationToken.None));
            LogQueuedAgain(run.JobId, jobId);
        }

        if (await history.GetAsync(run.JobId, CancellationToken.None) is { Outcome: RunOutcome.Running } record)
        {
            await history.SaveAsync(record with { Outcome = RunOutcome.Interrupted }, CancellationToken.None);
        }

        await ledger.FinishAsync(run.JobId, time.GetUtcNow(), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Command}), a run without a pull request, was cut short; it is not run again")]
    private partial void LogRefRunInterrupted(string jobId, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "The work of interrupted job {JobId} was queued again as job {NewJobId}")]
    private partial void LogQueuedAgain(string jobId, string newJobId);
}
