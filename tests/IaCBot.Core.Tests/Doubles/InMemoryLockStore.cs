using IaCBot.Core.Locking;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Doubles;

/// <summary>Locks in a dictionary keyed by the lock's id: the first pull request to take one holds it.</summary>
internal sealed class InMemoryLockStore : ILockStore
{
    private readonly Dictionary<string, ProjectLock> _locks = [];

    public Task<ProjectLock> TryAcquireAsync(ProjectLock wanted, CancellationToken cancellationToken) =>
        Task.FromResult(_locks.TryAdd(wanted.Key.Id, wanted) ? wanted : _locks[wanted.Key.Id]);

    public Task<ProjectLock?> GetAsync(LockKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_locks.GetValueOrDefault(key.Id));

    public Task<IReadOnlyList<ProjectLock>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProjectLock>>(_locks.Values.OrderBy(l => l.Key.Id, StringComparer.Ordinal).ToList());

    public Task<ProjectLock?> ReleaseAsync(LockKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_locks.Remove(key.Id, out var held) ? held : null);

    public Task<IReadOnlyList<ProjectLock>> ReleaseAllAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var held = _locks.Values.Where(l => l.Pull == pull).ToList();
        held.ForEach(l => _locks.Remove(l.Key.Id));
        return Task.FromResult<IReadOnlyList<ProjectLock>>(held);
    }
}
