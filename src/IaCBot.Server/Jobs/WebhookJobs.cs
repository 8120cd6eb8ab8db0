using Hangfire;
using Hangfire.Server;
using IaCBot.Core.Comments;
using IaCBot.Core.Events;
using IaCBot.Core.Git;
using IaCBot.Core.Logging;
using IaCBot.Core.Ordering;
using IaCBot.Core.Outbox;
using IaCBot.Core.Redaction;
using IaCBot.Core.RunHistory;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Jobs;

/// <summary>
/// The queued work of a webhook, run by Hangfire in a DI scope of its own. Never retried automatically: a plan or
/// apply that failed is reported on the PR, and a person decides whether to run it again. A job the queue hands
/// out a second time is not run again (see <see cref="IJobLedger"/>); one a stop cut short is left unfinished in
/// the ledger, for <see cref="StartupRecovery"/> to report at the next start. A job with a ticket first waits for
/// the earlier commands of its PR (see <see cref="PullRequestTurns"/>). The job's id names its run's log folder.
/// </summary>
internal sealed partial class WebhookJobs(
    RunLog runLog,
    PullRequestEventProcessor pullRequests,
    CommentCommandHandler comments,
    IJobLedger ledger,
    JobRuns runs,
    InterruptedJobs interrupted,
    PullRequestTurns turns,
    DeliveryClaims claims,
    PullRequestNotifier notifier,
    CommentRenderer renderer,
    RunRecorder recorder,
    RunEnding ending,
    TimeProvider time,
    Redactor redactor,
    ILogger<WebhookJobs> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public Task PullRequestAsync(PullRequestEvent e, PerformContext? context, CancellationToken cancellationToken) =>
        RunPullRequestAsync(e, JobId(context), cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public Task CommentAsync(CommentEvent e, PerformContext? context, CancellationToken cancellationToken) =>
        RunCommentAsync(e, JobId(context), cancellationToken);

    /// <summary>
    /// A delivery's job as the intake pump queues it: with the delivery's id, so that a delivery queued twice is done
    /// once (see <see cref="DeliveryClaims"/>). The methods without it stay for jobs queued before, and for work
    /// queued again by the recovery, which is a new job of a delivery already claimed.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public Task PullRequestDeliveryAsync(PullRequestEvent e, string deliveryId, PerformContext? context, CancellationToken cancellationToken) =>
        RunPullRequestAsync(e, JobId(context), deliveryId, cancellationToken);

    /// <inheritdoc cref="PullRequestDeliveryAsync"/>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public Task CommentDeliveryAsync(CommentEvent e, string deliveryId, PerformContext? context, CancellationToken cancellationToken) =>
        RunCommentAsync(e, JobId(context), deliveryId, cancellationToken);

    internal Task RunPullRequestAsync(PullRequestEvent e, string jobId, CancellationToken cancellationToken) =>
        RunPullRequestAsync(e, jobId, null, cancellationToken);

    internal async Task RunPullRequestAsync(PullRequestEvent e, string jobId, string? deliveryId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new LogScope { ["Job"] = jobId, ["Pull"] = e.Pull.Ref.ToString(), ["Action"] = e.Action });
        if (await claims.TryClaimAsync(deliveryId, jobId, e.Pull.Ref, e.Ticket, cancellationToken))
        {
            await RunOnceAsync(runs.For(jobId, e), e.Sender, e.Ticket, () => pullRequests.HandleAsync(e, cancellationToken), cancellationToken);
        }
    }

    internal Task RunCommentAsync(CommentEvent e, string jobId, CancellationToken cancellationToken) =>
        RunCommentAsync(e, jobId, null, cancellationToken);

    internal async Task RunCommentAsync(CommentEvent e, string jobId, string? deliveryId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new LogScope { ["Job"] = jobId, ["Pull"] = e.Pull.ToString(), ["User"] = e.Author });
        if (await claims.TryClaimAsync(deliveryId, jobId, e.Pull, e.Ticket, cancellationToken))
        {
            await RunOnceAsync(runs.For(jobId, e), e.Author, e.Ticket, () => comments.HandleAsync(e, cancellationToken), cancellationToken);
        }
    }

    private async Task RunOnceAsync(JobRun run, string by, long? ticket, Func<Task> work, CancellationToken cancellationToken)
    {
        // Before the ledger: a job stopped while it waits has not started, and runs in full when handed out again.
        await using var turn = ticket is { } number ? await turns.WaitAsync(run.Pull, number, cancellationToken) : null;
        runLog.Begin(run.JobId);
        switch (await ledger.StartAsync(run, cancellationToken))
        {
            case JobStart.AlreadyFinished:
                LogAlreadyFinished(run.JobId);
                return;
            case JobStart.Interrupted:
                // Started before and never finished, yet not found at start-up (a run the start-up could not deal
                // with): dealt with now, the same way.
                await interrupted.DealWithAsync(run, cancellationToken);
                return;
        }

        recorder.Begin(new RunRecord(run.JobId, run.Pull, run.Kind, run.Command, by, run.HeadSha, run.StartedAt, null, RunOutcome.Running, [], null, run.Owner));
        await recorder.SaveAsync(cancellationToken);
        ending.Started(run.JobId);
        try
        {
            await ReportFaultsAsync(run.Pull, work, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping and the grace is over. Not marked finished: the next start reports it.
            LogHandedBack(run.JobId, run.Pull);
            await ending.FinishAsync(run.JobId, RunOutcome.Interrupted);
            throw;
        }
        catch
        {
            await ledger.FinishAsync(run.JobId, time.GetUtcNow(), CancellationToken.None);
            await ending.FinishAsync(run.JobId, RunOutcome.Error);
            throw;
        }

        await ledger.FinishAsync(run.JobId, time.GetUtcNow(), CancellationToken.None);
        await ending.FinishAsync(run.JobId, RunOutcome.Succeeded);
    }

    /// <summary>
    /// A fault (the Git host down, a clone that failed) is logged and told to the PR, where someone is waiting for
    /// an answer; then the job is marked failed. Messages of our own exceptions are written to be shown; any
    /// other exception's text stays in the log, which is where its details belong. The text may repeat what a host
    /// or git printed: the notifier masks it on the PR as it masks every comment, and the queue, which keeps a
    /// failed job's exception in jobs.db, is handed a masked copy.
    /// </summary>
    private async Task ReportFaultsAsync(PullRequestRef pull, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFault(ex, pull);
            var reason = ex is VcsException or GitException ? ex.Message : "An unexpected error; the server log has the details.";
            await notifier.CommentAsync(pull, renderer.RenderFailure("IaCBot could not finish this command.", reason), cancellationToken);
            if (redactor.Redact(ex) is RedactedException redacted)
            {
                throw redacted;
            }

            throw;
        }
    }

    private static string JobId(PerformContext? context) =>
        context?.BackgroundJob.Id ?? throw new InvalidOperationException("The job was started without its Hangfire context.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Work on {Pull} failed")]
    private partial void LogFault(Exception exception, PullRequestRef pull);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ran to its end before; not run again")]
    private partial void LogAlreadyFinished(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} for {Pull} was cut short by the stop of the server; the next start reports it")]
    private partial void LogHandedBack(string jobId, PullRequestRef pull);
}
