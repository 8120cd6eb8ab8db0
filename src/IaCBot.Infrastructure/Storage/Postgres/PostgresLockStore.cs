using IaCBot.Core.Locking;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// Locks as rows keyed by the lock's id. Taking one is a single insert that does nothing on a conflict: PostgreSQL's
/// unique index decides which of many racing replicas gets it, never a read followed by a write.
/// </summary>
internal sealed class PostgresLockStore(PostgresDatabase database) : ILockStore
{
    private const string Columns = $"id, {NpgsqlExtensions.PullColumns}, dir, workspace, user_name, since, project";

    private const string Insert = $"""
        INSERT INTO iacbot.locks ({Columns})
        VALUES (@id, {NpgsqlExtensions.PullValues}, @dir, @workspace, @user_name, @since, @project)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string SelectOne = $"SELECT {Columns} FROM iacbot.locks WHERE id = @id";

    private const string SelectAll = $"SELECT {Columns} FROM iacbot.locks";

    private const string DeleteOne = $"DELETE FROM iacbot.locks WHERE id = @id RETURNING {Columns}";

    private const string DeletePull = $"DELETE FROM iacbot.locks WHERE pull_key = @pull_key RETURNING {Columns}";

    public async Task<ProjectLock> TryAcquireAsync(ProjectLock wanted, CancellationToken cancellationToken)
    {
        // The holder may release between our insert and our read; then the lock is free and we try again.
        while (true)
        {
            await using var insert = (await database.CommandAsync(Insert, cancellationToken))
                .With("id", wanted.Key.Id).WithPull(wanted.Pull)
                .With("dir", wanted.Key.Dir).With("workspace", wanted.Key.Workspace)
                .With("user_name", wanted.User).With("since", wanted.Since).With("project", wanted.ProjectName);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return wanted;
            }

            if (await GetAsync(wanted.Key, cancellationToken) is { } holder)
            {
                return holder;
            }
        }
    }

    public async Task<ProjectLock?> GetAsync(LockKey key, CancellationToken cancellationToken)
    {
        await using var select = (await database.CommandAsync(SelectOne, cancellationToken)).With("id", key.Id);
        return (await select.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ProjectLock>> ListAsync(CancellationToken cancellationToken)
    {
        await using var select = await database.CommandAsync(SelectAll, cancellationToken);
        return Ordered(await select.ListAsync(Read, cancellationToken));
    }

    public async Task<ProjectLock?> ReleaseAsync(LockKey key, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(DeleteOne, cancellationToken)).With("id", key.Id);
        return (await delete.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ProjectLock>> ReleaseAllAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(DeletePull, cancellationToken)).With("pull_key", pull.ToString());
        return Ordered(await delete.ListAsync(Read, cancellationToken));
    }

    private static List<ProjectLock> Ordered(List<ProjectLock> locks) =>
        [.. locks.OrderBy(l => l.Key.Id, StringComparer.Ordinal)];

    private static ProjectLock Read(NpgsqlDataReader row)
    {
        var pull = row.Pull();
        var key = new LockKey(pull.Repo, row.Get<string>("dir"), row.Get<string>("workspace"));
        return new ProjectLock(key, pull, row.Get<string>("user_name"), row.Get<DateTimeOffset>("since"), row.Text("project"));
    }
}
