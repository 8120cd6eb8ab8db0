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

    /// <summary>
    /// Frees one lock for an operator (web UI or admin API), discards the plan it guarded and tells the PR who did.
    /// Null when the lock was not held (freed meanwhile).
    /// </summary>
    public async Task<Locking.ProjectLock?> UnlockOneAsync(Locking.LockKey key, string by, string via, string commandName, CancellationToken cancellationToken)
    {
        var released = await locks.ReleaseAsync(key, cancellationToken);
        if (released is null)
        {
            return null;
        }

        foreach (var plan in await plans.ListAsync(released.Pull, cancellationToken))
        {
            if (plan.Project.Dir == key.Dir && plan.Project.Workspace == key.Workspace)
            {
                await plans.DeleteAsync(plan, cancellationToken);
            }
        }

        await notifier.CommentAsync(released.Pull, renderer.RenderLockDiscarded(released, by, via, commandName), cancellationToken);
        return released;
    }

    public async Task CleanUpClosedAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var released = await locks.ReleaseAllAsync(pull, cancellationToken);
        await plans.DeleteAllAsync(pull, cancellationToken);
        await checkouts.DeleteAsync(pull, cancellationToken);
        await notifier.CommentAsync(pull, renderer.RenderPullClosed(released), cancellationToken);
    }
}
