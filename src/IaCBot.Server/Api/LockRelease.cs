using IaCBot.Core.Locking;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Api;

/// <summary>
/// Frees one lock for an operator, as <c>unlock</c> does for a PR: the lock goes, the plan it guarded is discarded,
/// and the PR is told who did it and where (the web UI or the API). Used by both.
/// </summary>
internal sealed partial class LockRelease(ILockStore locks, UnlockRunner unlock, BotSettings settings, ILogger<LockRelease> logger)
{
    /// <param name="id">The lock's id as <see cref="LockIds"/> makes it.</param>
    /// <returns>The lock released, or null when no such lock is held.</returns>
    public async Task<ProjectLock?> ReleaseAsync(string id, string by, string via, CancellationToken cancellationToken)
    {
        if (LockIds.Decode(id) is not { } keyId)
        {
            return null;
        }

        var held = (await locks.ListAsync(cancellationToken)).FirstOrDefault(l => l.Key.Id == keyId);
        if (held is null)
        {
            return null;
        }

        var released = await unlock.UnlockOneAsync(held.Key, by, via, settings.DefaultCommandName, cancellationToken);
        if (released is not null)
        {
            LogReleased(released.Key, released.Pull, by, via);
        }

        return released;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{By} released the lock {Lock} of {Pull} through the {Via} and discarded its plan")]
    private partial void LogReleased(LockKey @lock, Core.Vcs.PullRequestRef pull, string by, string via);
}
