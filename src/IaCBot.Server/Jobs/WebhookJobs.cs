using Hangfire;
using Hangfire.Server;
using IaCBot.Core.Comments;
using IaCBot.Core.Events;
using IaCBot.Core.Git;
using IaCBot.Core.Outbox;
using IaCBot.Core.Redaction;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Jobs;

/// <summary>
/// The queued work of a webhook, run by Hangfire in a DI scope of its own. Never retried automatically: a plan or
/// apply that failed is reported on the PR, and a person decides whether to run it again. A job the queue hands
/// out a second time is not run again (see <see cref="IJobLedger"/>).
/// </summary>
internal sealed partial class WebhookJobs(
    PullRequestEventProcessor pullRequests,
    CommentCommandHandler comments,
    IJobLedger ledger,
    PullRequestNotifier notifier,
    CommentRenderer renderer,
    BotSettings settings,
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

    internal async Task RunPullRequestAsync(PullRequestEvent e, string jobId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = jobId, ["Pull"] = e.Pull.Ref.ToString(), ["Action"] = e.Action });
        var what = $"`{settings.DefaultCommandName} plan`";
        await RunOnceAsync(jobId, e.Pull.Ref, what, () => pullRequests.HandleAsync(e, cancellationToken), cancellationToken);
    }

    internal async Task RunCommentAsync(CommentEvent e, string jobId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = jobId, ["Pull"] = e.Pull.ToString(), ["User"] = e.Author });
        var what = MarkdownCommand(e.Body);
        await RunOnceAsync(jobId, e.Pull, what, () => comments.HandleAsync(e, cancellationToken), cancellationToken);
    }

    private async Task RunOnceAsync(string jobId, PullRequestRef pull, string what, Func<Task> work, CancellationToken cancellationToken)
    {
        switch (await ledger.StartAsync(jobId, time.GetUtcNow(), cancellationToken))
        {
            case JobStart.AlreadyFinished:
                LogAlreadyFinished(jobId);
                return;
            case JobStart.Interrupted:
                LogInterrupted(jobId, pull);
                await notifier.CommentAsync(pull, InterruptedReply(what), cancellationToken);
                await ledger.FinishAsync(jobId, time.GetUtcNow(), cancellationToken);
                return;
        }

        try
        {
            await ReportFaultsAsync(pull, work, cancellationToken);
        }
        finally
        {
            await ledger.FinishAsync(jobId, time.GetUtcNow(), CancellationToken.None);
        }
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

    private static string InterruptedReply(string what) =>
        $"IaCBot was stopped while it ran {what} for this pull request, and did not run it again by itself: "
        + "an apply cut short must never be repeated unseen. Check the commit statuses and your infrastructure, "
        + "then comment the command again if it is still needed.";

    private static string MarkdownCommand(string body)
    {
        var line = body.Trim().Split('\n')[0].Trim();
        line = line.Length > 100 ? line[..100] + "…" : line;
        return "`" + line.Replace("`", "'", StringComparison.Ordinal) + "`";
    }

    private static string JobId(PerformContext? context) =>
        context?.BackgroundJob.Id ?? throw new InvalidOperationException("The job was started without its Hangfire context.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Work on {Pull} failed")]
    private partial void LogFault(Exception exception, PullRequestRef pull);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ran to its end before; not run again")]
    private partial void LogAlreadyFinished(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} for {Pull} was interrupted by a stop of the server; reported, not run again")]
    private partial void LogInterrupted(string jobId, PullRequestRef pull);
}
