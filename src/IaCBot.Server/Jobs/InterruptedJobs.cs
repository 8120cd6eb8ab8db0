using Hangfire;
using IaCBot.Core.Recovery;
using IaCBot.Core.RunHistory;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Deals with one run a stop cut short: reports it, queues its work again as a new job when that is safe (a run
/// without a pull request never is; the locks it held are released), and marks it finished, so that the queue
/// handing out the old job again later does nothing.
/// </summary>
internal sealed partial class InterruptedJobs(
    InterruptedRunHandler handler,
    InterruptedRefRunHandler refRuns,
    IJobLedger ledger,
    IRunHistory history,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<InterruptedJobs> logger)
{
    public async Task DealWithAsync(JobRun run, CancellationToken cancellationToken)
    {
        string? note = null;
        if (RefTarget.IsRefRun(run.Pull))
        {
            // No one to tell but its record, and not run again: the caller who queued it decides. The locks an apply
            // took are released, as it would have done as it ended; left, only an admin could free them.
            var released = await refRuns.ReleaseLocksAsync(run, cancellationToken);
            note = InterruptedRefRunHandler.Note(run, released);
            LogRefRunInterrupted(run.JobId, run.Command, released.Count);
        }
        else if (await handler.HandleAsync(run, cancellationToken) == RecoveryAction.RunAgain)
        {
            var (pullRequest, comment) = QueuedWork.FromJson(run.Payload);
            var jobId = pullRequest is not null
                ? jobs.Enqueue<WebhookJobs>(j => j.PullRequestAsync(pullRequest, null, CancellationToken.None))
                : jobs.Enqueue<WebhookJobs>(j => j.CommentAsync(comment!, null, CancellationToken.None));
            LogQueuedAgain(run.JobId, jobId);
        }

        await MarkInterruptedAsync(run.JobId, note);
        await ledger.FinishAsync(run.JobId, time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>The note goes after the replies the run recorded, so that the run page shows what it did and then this.</summary>
    private async Task MarkInterruptedAsync(string jobId, string? note)
    {
        if (await history.GetAsync(jobId, CancellationToken.None) is not { } record)
        {
            return;
        }

        var marked = record.Outcome == RunOutcome.Running ? record with { Outcome = RunOutcome.Interrupted } : record;
        if (note is not null)
        {
            marked = marked with { Reply = record.Reply is { Length: > 0 } reply ? $"{reply}\n\n{note}" : note };
        }

        if (marked != record)
        {
            await history.SaveAsync(marked, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Command}), a run without a pull request, was cut short; it is not run again, {Released} lock(s) it held were released")]
    private partial void LogRefRunInterrupted(string jobId, string command, int released);

    [LoggerMessage(Level = LogLevel.Information, Message = "The work of interrupted job {JobId} was queued again as job {NewJobId}")]
    private partial void LogQueuedAgain(string jobId, string newJobId);
}
