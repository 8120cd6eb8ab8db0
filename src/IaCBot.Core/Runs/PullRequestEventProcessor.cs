using IaCBot.Core.Access;
using IaCBot.Core.Events;
using IaCBot.Core.Outbox;
using IaCBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// Reacts to a PR's life: plans it when it is opened, pushed to, reopened or made ready; frees everything it
/// held when it is closed. A new commit discards the PR's plans first, so a stale plan can never be applied.
/// </summary>
public sealed partial class PullRequestEventProcessor(
    PullRequestLocks pullLocks,
    IPlanStore plans,
    PlanRunner planRunner,
    UnlockRunner unlockRunner,
    ForkPolicy forks,
    PullRequestNotifier notifier,
    ILogger<PullRequestEventProcessor> logger)
{
    public async Task HandleAsync(PullRequestEvent e, CancellationToken cancellationToken)
    {
        using var held = await pullLocks.AcquireAsync(e.Pull.Ref, cancellationToken);
        if (e.Action == PullRequestAction.Closed)
        {
            await unlockRunner.CleanUpClosedAsync(e.Pull.Ref, cancellationToken);
            return;
        }

        if (e.Action == PullRequestAction.Synchronized)
        {
            var discarded = await plans.DeleteAllAsync(e.Pull.Ref, cancellationToken);
            LogDiscarded(e.Pull.Ref, discarded, e.Pull.HeadSha);
        }

        if (forks.Refusal(e.Pull, command: null) is { } refusal)
        {
            // Said once when the PR opens, not on every push.
            LogFork(e.Pull.Ref);
            if (e.Action is PullRequestAction.Opened or PullRequestAction.Reopened)
            {
                await notifier.CommentAsync(e.Pull.Ref, refusal, cancellationToken);
            }

            return;
        }

        if (e.Pull.IsDraft)
        {
            LogDraft(e.Pull.Ref);
            return;
        }

        await planRunner.RunAsync(e.Pull, e.Pull.Author, command: null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull} moved to {Sha}: {Count} plans discarded")]
    private partial void LogDiscarded(Vcs.PullRequestRef pull, int count, string sha);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull} comes from a fork, which this server does not plan")]
    private partial void LogFork(Vcs.PullRequestRef pull);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull} is a draft: not planned until it is ready for review")]
    private partial void LogDraft(Vcs.PullRequestRef pull);
}
