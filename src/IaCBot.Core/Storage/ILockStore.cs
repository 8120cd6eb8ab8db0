using IaCBot.Core.Locking;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Storage;

/// <summary>Where project locks are kept. Taking a lock is atomic: of many racing PRs, exactly one holds it.</summary>
public interface ILockStore
{
    /// <summary>
    /// Takes <paramref name="wanted"/> unless another PR holds its key, and returns the lock now held.
    /// The caller has it when the returned lock's PR is its own; the same PR taking it again keeps it.
    /// </summary>
    Task<ProjectLock> TryAcquireAsync(ProjectLock wanted, CancellationToken cancellationToken);

    Task<ProjectLock?> GetAsync(LockKey key, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProjectLock>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Releases one lock, whichever PR holds it, and returns it; null when it was not held.</summary>
    Task<ProjectLock?> ReleaseAsync(LockKey key, CancellationToken cancellationToken);

    /// <summary>Releases every lock the PR holds and returns them.</summary>
    Task<IReadOnlyList<ProjectLock>> ReleaseAllAsync(PullRequestRef pull, CancellationToken cancellationToken);
}
