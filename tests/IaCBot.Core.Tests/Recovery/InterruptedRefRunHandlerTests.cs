using IaCBot.Core.Locking;
using IaCBot.Core.Recovery;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging.Abstractions;

namespace IaCBot.Core.Tests.Recovery;

public sealed class InterruptedRefRunHandlerTests
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");
    private static readonly RepoId OtherRepo = new("github.com", "acme", "network");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryLockStore _locks = new();

    [Fact]
    public async Task Only_the_locks_the_interrupted_run_took_are_released()
    {
        var refPull = new PullRequestRef(Repo, RefTarget.NoPull);
        await Hold(Repo, "app", refPull, RefRunner.LockHolder("api", "41"));
        await Hold(Repo, "db", refPull, RefRunner.LockHolder("api", "41"), "database");
        await Hold(Repo, "net", refPull, RefRunner.LockHolder("api", "141"));
        await Hold(Repo, "web", new PullRequestRef(Repo, 41), "alice");
        await Hold(OtherRepo, "app", new PullRequestRef(OtherRepo, RefTarget.NoPull), RefRunner.LockHolder("api", "41"));

        var released = await Handler().ReleaseLocksAsync(Run("41", JobKind.Apply), CancellationToken.None);

        Assert.Equal(["app", "db"], released.Select(l => l.Key.Dir).Order());
        Assert.Equal(
            ["github.com/acme/infra/net/default", "github.com/acme/infra/web/default", "github.com/acme/network/app/default"],
            (await _locks.ListAsync(CancellationToken.None)).Select(l => $"{l.Key.Repo}/{l.Key.Dir}/{l.Key.Workspace}").Order());
    }

    [Fact]
    public void The_note_for_the_run_record_names_the_released_locks_and_warns_about_a_partial_apply()
    {
        var held = new ProjectLock(new LockKey(Repo, "db", "default"), new PullRequestRef(Repo, 0), "api (run 41)", Now, "database");

        var note = InterruptedRefRunHandler.Note(Run("41", JobKind.Apply), [held]);

        Assert.Contains("stopped during this run, which was not run again", note, StringComparison.Ordinal);
        Assert.Contains("may have changed some resources and not others", note, StringComparison.Ordinal);
        Assert.Contains("Locks it held, released by the recovery:\n* ", note, StringComparison.Ordinal);
        Assert.Contains("database", note, StringComparison.Ordinal);
        Assert.Contains("The run held no locks.", InterruptedRefRunHandler.Note(Run("42", JobKind.Plan), []), StringComparison.Ordinal);
    }

    private InterruptedRefRunHandler Handler() => new(_locks, NullLogger<InterruptedRefRunHandler>.Instance);

    private Task Hold(RepoId repo, string dir, PullRequestRef pull, string user, string? name = null) =>
        _locks.TryAcquireAsync(new ProjectLock(new LockKey(repo, dir, "default"), pull, user, Now, name), CancellationToken.None);

    private static JobRun Run(string id, JobKind kind) =>
        new(id, new PullRequestRef(Repo, RefTarget.NoPull), kind, "iacbot apply -d app @ main", "6dcb09b5", "gone", Now, "{}");
}
