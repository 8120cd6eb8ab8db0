using IaCBot.Core.Locking;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.Storage.LiteDb;

namespace IaCBot.Infrastructure.Tests.Storage;

public sealed class LiteDbStoreTests : IDisposable
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-litedb-").FullName;
    private LiteDbContext _context;

    public LiteDbStoreTests() => _context = new LiteDbContext(Path.Combine(_dir, "iacbot.db"));

    [Fact]
    public async Task Of_fifty_pull_requests_racing_for_one_lock_exactly_one_gets_it()
    {
        var locks = new LiteDbLockStore(_context);
        var key = new LockKey(Repo, "envs/prod", "default");

        var holders = await Task.WhenAll(Enumerable.Range(1, 50).Select(n =>
            Task.Run(() => locks.TryAcquireAsync(new ProjectLock(key, Pull(n), $"user{n}", Now), CancellationToken.None))));

        var winner = holders.Select(h => h.Pull).Distinct().ToList();
        Assert.Single(winner);
        Assert.Equal(winner[0], (await locks.GetAsync(key, CancellationToken.None))!.Pull);
    }

    [Fact]
    public async Task The_holder_may_take_its_lock_again_and_another_pull_request_sees_the_holder()
    {
        var locks = new LiteDbLockStore(_context);
        var key = new LockKey(Repo, "envs/prod", "default");
        await locks.TryAcquireAsync(new ProjectLock(key, Pull(1), "alice", Now), CancellationToken.None);

        var again = await locks.TryAcquireAsync(new ProjectLock(key, Pull(1), "alice", Now.AddMinutes(1)), CancellationToken.None);
        var other = await locks.TryAcquireAsync(new ProjectLock(key, Pull(2), "bob", Now), CancellationToken.None);

        Assert.Equal(Pull(1), again.Pull);
        Assert.Equal(Pull(1), other.Pull);
        Assert.Equal("alice", other.User);
        Assert.Equal(Now, other.Since);
    }

    [Fact]
    public async Task Releasing_a_pull_requests_locks_frees_them_for_others_and_leaves_other_locks_alone()
    {
        var locks = new LiteDbLockStore(_context);
        await locks.TryAcquireAsync(new ProjectLock(new LockKey(Repo, "a", "default"), Pull(1), "alice", Now), CancellationToken.None);
        await locks.TryAcquireAsync(new ProjectLock(new LockKey(Repo, "b", "staging"), Pull(1), "alice", Now, "b-staging"), CancellationToken.None);
        await locks.TryAcquireAsync(new ProjectLock(new LockKey(Repo, "c", "default"), Pull(2), "bob", Now), CancellationToken.None);

        var released = await locks.ReleaseAllAsync(Pull(1), CancellationToken.None);

        Assert.Equal(["a", "b"], released.Select(l => l.Key.Dir));
        Assert.Equal("b-staging", released[1].ProjectName);
        Assert.Equal(Pull(2), Assert.Single(await locks.ListAsync(CancellationToken.None)).Pull);
        var taken = await locks.TryAcquireAsync(new ProjectLock(new LockKey(Repo, "a", "default"), Pull(3), "carol", Now), CancellationToken.None);
        Assert.Equal(Pull(3), taken.Pull);
    }

    [Fact]
    public async Task A_saved_plan_and_its_file_survive_reopening_the_database()
    {
        var plan = Plan(new Project(new ProjectKey("envs/prod", "default"), "prod", ["approved"]));
        await new LiteDbPlanStore(_context).SaveAsync(plan, [1, 2, 3], CancellationToken.None);

        Reopen();
        var plans = new LiteDbPlanStore(_context);
        var stored = Assert.Single(await plans.ListAsync(Pull(1), CancellationToken.None));

        Assert.Equal(plan.HeadSha, stored.HeadSha);
        Assert.Equal("prod", stored.Project.Name);
        Assert.Equal(["approved"], stored.Project.ApplyRequirements);
        Assert.Equal(plan.Summary, stored.Summary);
        Assert.Equal([1, 2, 3], await plans.ReadPlanFileAsync(stored, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_plan_of_the_same_project_replaces_the_old_one_and_deleting_removes_the_file()
    {
        var plans = new LiteDbPlanStore(_context);
        var project = new Project(new ProjectKey(".", "default"), null, []);
        await plans.SaveAsync(Plan(project) with { HeadSha = "old" }, [1], CancellationToken.None);
        await plans.SaveAsync(Plan(project) with { HeadSha = "new" }, [2], CancellationToken.None);

        var stored = Assert.Single(await plans.ListAsync(Pull(1), CancellationToken.None));
        Assert.Equal("new", stored.HeadSha);
        Assert.Equal([2], await plans.ReadPlanFileAsync(stored, CancellationToken.None));

        Assert.Equal(1, await plans.DeleteAllAsync(Pull(1), CancellationToken.None));
        Assert.Null(await plans.ReadPlanFileAsync(stored, CancellationToken.None));
        Assert.Empty(await plans.ListAsync(Pull(1), CancellationToken.None));
    }

    [Fact]
    public async Task Two_named_projects_on_one_directory_keep_separate_plans()
    {
        var plans = new LiteDbPlanStore(_context);
        await plans.SaveAsync(Plan(new Project(new ProjectKey("app", "default"), "app-eu", [])), [1], CancellationToken.None);
        await plans.SaveAsync(Plan(new Project(new ProjectKey("app", "default"), "app-us", [])), [2], CancellationToken.None);

        Assert.Equal(["app-eu", "app-us"], (await plans.ListAsync(Pull(1), CancellationToken.None)).Select(p => p.Project.Name));
    }

    [Fact]
    public async Task A_delivery_id_is_taken_once_until_it_is_forgotten()
    {
        var deliveries = new LiteDbDeliveryStore(_context);

        Assert.True(await deliveries.TryRecordAsync("d-1", "pull_request", Now, "server-a", CancellationToken.None));
        await deliveries.MarkQueuedAsync("d-1", CancellationToken.None);
        Reopen();
        deliveries = new LiteDbDeliveryStore(_context);
        Assert.False(await deliveries.TryRecordAsync("d-1", "pull_request", Now, "server-b", CancellationToken.None));
        await deliveries.ForgetAsync("d-1", CancellationToken.None);
        Assert.True(await deliveries.TryRecordAsync("d-1", "pull_request", Now, "server-b", CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_a_stopped_server_recorded_but_never_queued_is_taken_by_the_next_one()
    {
        var deliveries = new LiteDbDeliveryStore(_context);
        Assert.True(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-a", CancellationToken.None));
        Reopen();
        deliveries = new LiteDbDeliveryStore(_context);

        Assert.True(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-b", CancellationToken.None));
        Assert.False(await deliveries.TryRecordAsync("d-1", "issue_comment", Now, "server-b", CancellationToken.None));
    }

    [Fact]
    public async Task The_outbox_keeps_its_order_across_a_restart()
    {
        var outbox = new LiteDbOutboxStore(_context);
        await outbox.AddAsync(Message("first"), CancellationToken.None);
        await outbox.AddAsync(Message("second") with { Status = new CommitStatus("iacbot/plan", CommitState.Success, "1/1 projects planned") }, CancellationToken.None);

        Reopen();
        outbox = new LiteDbOutboxStore(_context);
        var third = await outbox.AddAsync(Message("third"), CancellationToken.None);
        var pending = await outbox.ListPendingAsync(Pull(1), CancellationToken.None);

        Assert.Equal(["first", "second", "third"], pending.Select(m => m.Body));
        Assert.Equal(CommitState.Success, pending[1].Status!.State);
        Assert.True(third.Sequence > pending[1].Sequence);
    }

    [Fact]
    public async Task A_message_given_up_is_kept_but_no_longer_pending()
    {
        var outbox = new LiteDbOutboxStore(_context);
        var stored = await outbox.AddAsync(Message("refused"), CancellationToken.None);

        await outbox.UpdateAsync(stored with { Attempts = 20, GaveUp = true, LastError = "422" }, CancellationToken.None);

        Assert.Empty(await outbox.ListPendingAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task The_apply_lock_survives_reopening_the_database_until_it_is_cleared()
    {
        var store = new LiteDbApplyLockStore(_context);
        Assert.Null(await store.GetAsync(CancellationToken.None));
        await store.SetAsync(new ApplyLock("ops", Now, null), CancellationToken.None);
        await store.SetAsync(new ApplyLock("ops-alice", Now.AddMinutes(5), "release freeze"), CancellationToken.None);

        Reopen();
        store = new LiteDbApplyLockStore(_context);

        Assert.Equal(new ApplyLock("ops-alice", Now.AddMinutes(5), "release freeze"), await store.GetAsync(CancellationToken.None));
        Assert.True(await store.ClearAsync(CancellationToken.None));
        Assert.False(await store.ClearAsync(CancellationToken.None));
        Assert.Null(await store.GetAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        _context.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private void Reopen()
    {
        _context.Dispose();
        _context = new LiteDbContext(Path.Combine(_dir, "iacbot.db"));
    }

    private static PullRequestRef Pull(int number) => new(Repo, number);

    private static PlanRecord Plan(Project project) =>
        new(Pull(1), project, "6dcb09b5b57875f334f61aebed695e2e4193db5e", "alice", Now, true, "Plan: 1 to add, 0 to change, 0 to destroy.");

    private static OutboxMessage Message(string body) =>
        new(Guid.NewGuid().ToString("N"), 0, Pull(1), OutboxMessageKind.Comment, body, null, null, Now);
}
