using IaCBot.Core.Comments;
using IaCBot.Core.Outbox;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>
/// Frees what a PR holds: on <c>unlock</c> its locks and plans, and when it is merged or closed its checkouts too.
/// </summary>
public sealed class UnlockRunner(
    ILockStore locks,
    IPlanStore plans,
    Git.IWorkingDirectories checkouts,
    PullRequestNotifier notifier,
    CommentRenderer renderer)
{
    public async Task UnlockAsync(PullRequestRef pull, string commandName, CancellationToken cancellationToken)
    {
        var released = await locks.ReleaseAllAsync(pull, cancellationToken);
        await plans.DeleteAllAsync(pull, cancellationToken);
        await notifier.CommentAsync(pull, renderer.RenderUnlocked(commandName, released), cancellationToken);
    }

    public async Task CleanUpClosedAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var released = await locks.ReleaseAllAsync(pull, cancellationToken);
        await plans.DeleteAllAsync(pull, cancellationToken);
        await checkouts.DeleteAsync(pull, cancellationToken);
        await notifier.CommentAsync(pull, renderer.RenderPullClosed(released), cancellationToken);
    }
}
