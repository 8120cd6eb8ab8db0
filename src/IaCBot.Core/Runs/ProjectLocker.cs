using IaCBot.Core.Locking;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>Takes a project's lock for a PR.</summary>
public sealed class ProjectLocker(ILockStore locks, TimeProvider time)
{
    /// <summary>The holder when another PR holds the lock; null when this PR holds it now.</summary>
    public async Task<ProjectLock?> TakeAsync(PullRequestInfo pull, Project project, string user, CancellationToken cancellationToken)
    {
        var key = new LockKey(pull.Ref.Repo, project.Dir, project.Workspace);
        var holder = await locks.TryAcquireAsync(new ProjectLock(key, pull.Ref, user, time.GetUtcNow(), project.Name), cancellationToken);
        return holder.Pull == pull.Ref ? null : holder;
    }

    public async Task<bool> HoldsAsync(PullRequestInfo pull, Project project, CancellationToken cancellationToken) =>
        (await locks.GetAsync(new LockKey(pull.Ref.Repo, project.Dir, project.Workspace), cancellationToken))?.Pull == pull.Ref;
}
