using Hangfire;
using IaCBot.Core.Comments;
using IaCBot.Core.Events;
using IaCBot.Core.Git;
using IaCBot.Core.Outbox;
using IaCBot.Core.Runs;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Jobs;

/// <summary>
/// The queued work of a webhook, run by Hangfire in a DI scope of its own. Never retried automatically: a plan or
/// apply that failed is reported on the PR, and a person decides whether to run it again.
/// </summary>
internal sealed partial class WebhookJobs(
    PullRequestEventProcessor pullRequests,
    CommentCommandHandler comments,
    PullRequestNotifier notifier,
    CommentRenderer renderer,
    ILogger<WebhookJobs> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public async Task PullRequestAsync(PullRequestEvent e, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Pull"] = e.Pull.Ref.ToString(), ["Action"] = e.Action });
        await ReportFaultsAsync(e.Pull.Ref, () => pullRequests.HandleAsync(e, cancellationToken), cancellationToken);
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public async Task CommentAsync(CommentEvent e, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Pull"] = e.Pull.ToString(), ["User"] = e.Author });
        await ReportFaultsAsync(e.Pull, () => comments.HandleAsync(e, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// A fault (the Git host down, a clone that failed) is logged and told to the PR, where someone is waiting for
    /// an answer; then the job is marked failed. Messages of our own exceptions are written to be shown; any
    /// other exception's text stays in the log, which is where its details belong.
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
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work on {Pull} failed")]
    private partial void LogFault(Exception exception, PullRequestRef pull);
}
