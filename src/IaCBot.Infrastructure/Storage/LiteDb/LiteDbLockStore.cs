using IaCBot.Core.Locking;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>
/// Locks as documents keyed by the lock's id: the unique primary key makes taking a lock atomic, so of many
/// racing PRs exactly one insert succeeds.
/// </summary>
internal sealed class LiteDbLockStore : ILockStore
{
    private readonly ILiteCollection<BsonDocument> _locks;

    public LiteDbLockStore(LiteDbContext context)
    {
        _locks = context.Collection("locks");
        _locks.EnsureIndex("pull");
    }

    public Task<ProjectLock> TryAcquireAsync(ProjectLock wanted, CancellationToken cancellationToken)
    {
        try
        {
            _locks.Insert(ToDocument(wanted));
            return Task.FromResult(wanted);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // Released between the two statements: try again rather than report a lock that was never taken.
            return _locks.FindById(wanted.Key.Id) is { } holder
                ? Task.FromResult(FromDocument(holder))
                : TryAcquireAsync(wanted, cancellationToken);
        }
    }

    public Task<ProjectLock?> GetAsync(LockKey key, CancellationToken cancellationToken)
    {
        var document = _locks.FindById(key.Id);
        return Task.FromResult(document is null ? null : FromDocument(document));
    }

    public Task<IReadOnlyList<ProjectLock>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProjectLock>>(_locks.FindAll().Select(FromDocument).OrderBy(l => l.Key.Id).ToList());

    public Task<ProjectLock?> ReleaseAsync(LockKey key, CancellationToken cancellationToken)
    {
        var document = _locks.FindById(key.Id);
        return Task.FromResult(document is not null && _locks.Delete(key.Id) ? FromDocument(document) : null);
    }

    public Task<IReadOnlyList<ProjectLock>> ReleaseAllAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var held = _locks.Find(Query.EQ("pull", pull.ToString())).Select(FromDocument).OrderBy(l => l.Key.Id).ToList();
        foreach (var projectLock in held)
        {
            _locks.Delete(projectLock.Key.Id);
        }

        return Task.FromResult<IReadOnlyList<ProjectLock>>(held);
    }

    private static BsonDocument ToDocument(ProjectLock projectLock) => new()
    {
        ["_id"] = projectLock.Key.Id,
        ["pull"] = projectLock.Pull.ToString(),
        ["host"] = projectLock.Key.Repo.Host,
        ["hostKind"] = projectLock.Key.Repo.Kind.ToString(),
        ["owner"] = projectLock.Key.Repo.Owner,
        ["repo"] = projectLock.Key.Repo.Name,
        ["dir"] = projectLock.Key.Dir,
        ["workspace"] = projectLock.Key.Workspace,
        ["number"] = projectLock.Pull.Number,
        ["user"] = projectLock.User,
        ["since"] = projectLock.Since.UtcDateTime,
        ["project"] = projectLock.ProjectName is null ? BsonValue.Null : projectLock.ProjectName,
    };

    private static ProjectLock FromDocument(BsonDocument document)
    {
        var repo = new RepoId(document["host"].AsString, document["owner"].AsString, document["repo"].AsString, StoredKind.Read(document));
        var key = new LockKey(repo, document["dir"].AsString, document["workspace"].AsString);
        var since = new DateTimeOffset(DateTime.SpecifyKind(document["since"].AsDateTime, DateTimeKind.Utc));
        var project = document["project"].IsNull ? null : document["project"].AsString;
        return new ProjectLock(key, new PullRequestRef(repo, document["number"].AsInt32), document["user"].AsString, since, project);
    }
}
