using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_runs_record_is_replaced_by_its_later_saves_and_kept_across_a_restart()
    {
        var pull = new PullRequestRef(new RepoId("gitlab.example.com", "acme/platform", "infra", VcsKind.GitLab), 3);
        var started = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var running = new RunRecord("job-1", pull, JobKind.Plan, "iacbot plan", "alice", "abc123", started, null, RunOutcome.Running, [], null);
        await Store.Runs.SaveAsync(running, CancellationToken.None);
        await Store.Runs.SaveAsync(running with { FinishedAt = started.AddMinutes(2), Outcome = RunOutcome.Succeeded, Reply = "Ran plan" }, CancellationToken.None);

        await ReopenAsync();
        var found = await Store.Runs.GetAsync("job-1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(RunOutcome.Succeeded, found.Outcome);
        Assert.Equal("Ran plan", found.Reply);
        Assert.Equal(pull, found.Pull);
        Assert.Null(await Store.Runs.GetAsync("job-2", CancellationToken.None));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_and_filtered_by_repository_pull_request_and_running()
    {
        var repo = new RepoId("github.com", "acme", "infra");
        var other = new RepoId("github.com", "acme", "network");
        var start = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        RunRecord Run(string id, RepoId at, int number, int minute, RunOutcome outcome) =>
            new(id, new PullRequestRef(at, number), JobKind.Plan, "iacbot plan", "alice", null, start.AddMinutes(minute), null, outcome, [], null);
        foreach (var run in new[]
        {
            Run("a", repo, 1, 1, RunOutcome.Succeeded), Run("b", repo, 2, 2, RunOutcome.Running),
            Run("c", other, 1, 3, RunOutcome.Failed), Run("d", repo, 1, 4, RunOutcome.Running),
        })
        {
            await Store.Runs.SaveAsync(run, CancellationToken.None);
        }

        Assert.Equal(["d", "c", "b", "a"], (await Store.Runs.ListAsync(new RunQuery(), CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["d", "b", "a"], (await Store.Runs.ListAsync(new RunQuery(Repo: repo.ToString()), CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["d", "a"], (await Store.Runs.ListAsync(new RunQuery(Pull: new PullRequestRef(repo, 1)), CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["d", "b"], (await Store.Runs.ListAsync(new RunQuery(RunningOnly: true), CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["d"], (await Store.Runs.ListAsync(new RunQuery(Limit: 1), CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task Releasing_one_lock_returns_it_once_and_leaves_the_others()
    {
        var repo = new RepoId("github.com", "acme", "infra");
        var app = new Core.Locking.LockKey(repo, "app", "default");
        var net = new Core.Locking.LockKey(repo, "net", "default");
        var at = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        await Store.Locks.TryAcquireAsync(new Core.Locking.ProjectLock(app, new PullRequestRef(repo, 1), "alice", at), CancellationToken.None);
        await Store.Locks.TryAcquireAsync(new Core.Locking.ProjectLock(net, new PullRequestRef(repo, 1), "alice", at), CancellationToken.None);

        var released = await Store.Locks.ReleaseAsync(app, CancellationToken.None);

        Assert.Equal(app, released?.Key);
        Assert.Null(await Store.Locks.ReleaseAsync(app, CancellationToken.None));
        Assert.Equal([net], (await Store.Locks.ListAsync(CancellationToken.None)).Select(l => l.Key));
    }
}
