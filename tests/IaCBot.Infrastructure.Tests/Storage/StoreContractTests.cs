using IaCBot.Core.Locking;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>
/// What every storage provider promises, run against each (a subclass per provider). Each test has a database of
/// its own; "reopening" closes every store and opens them again on the same database, as a restarted server (or
/// another replica) would.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private Stores? _stores;

    protected Stores Store => _stores ?? throw new InvalidOperationException("The stores are not open.");

    /// <summary>Creates the test's empty database.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Opens every store on the test's database.</summary>
    protected abstract Stores Open();

    /// <summary>Closes what <see cref="Open"/> opened.</summary>
    protected abstract Task CloseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        _stores = Open();
    }

    public async Task DisposeAsync()
    {
        if (_stores is not null)
        {
            await CloseAsync();
        }

        await DropDatabaseAsync();
    }

    protected async Task ReopenAsync()
    {
        await CloseAsync();
        _stores = null;
        _stores = Open();
    }

    [Fact]
    public async Task Of_fifty_pull_requests_racing_for_one_lock_exactly_one_gets_it()
    {
        var locks = Store.Locks;
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
        var locks = Store.Locks;
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
        var locks = Store.Locks;
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
    public async Task A_lock_of_a_gitlab_merge_request_keeps_its_host_and_nested_groups()
    {
        var repo = new RepoId("gitlab.example.com", "platform/team", "infra", VcsKind.GitLab);
        var key = new LockKey(repo, ".", "default");
        await Store.Locks.TryAcquireAsync(new ProjectLock(key, new PullRequestRef(repo, 4), "dana", Now), CancellationToken.None);

        await ReopenAsync();

        var held = await Store.Locks.GetAsync(key, CancellationToken.None);
        Assert.Equal(new ProjectLock(key, new PullRequestRef(repo, 4), "dana", Now), held);
    }

    [Fact]
    public async Task A_saved_plan_and_its_file_survive_reopening_the_database()
    {
        var plan = Plan(new Project(new ProjectKey("envs/prod", "default"), "prod", ["approved"]));
        await Store.Plans.SaveAsync(plan, [1, 2, 3], CancellationToken.None);

        await ReopenAsync();
        var plans = Store.Plans;
        var stored = Assert.Single(await plans.ListAsync(Pull(1), CancellationToken.None));

        Assert.Equal(plan.HeadSha, stored.HeadSha);
        Assert.Equal("prod", stored.Project.Name);
        Assert.Equal(["approved"], stored.Project.ApplyRequirements);
        Assert.Equal(plan.Summary, stored.Summary);
        Assert.Equal(plan.CreatedAt, stored.CreatedAt);
        Assert.Equal([1, 2, 3], await plans.ReadPlanFileAsync(stored, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_plan_of_the_same_project_replaces_the_old_one_and_deleting_removes_the_file()
    {
        var plans = Store.Plans;
        var project = new Project(new ProjectKey(".", "default"), null, []);
        await plans.SaveAsync(Plan(project) with { HeadSha = "old" }, [1], CancellationToken.None);
        await plans.SaveAsync(Plan(project) with { HeadSha = "new" }, [2], CancellationToken.None);

        var stored = Assert.Single(await plans.ListAsync(Pull(1), CancellationToken.None));
        Assert.Equal("new", stored.HeadSha);
        Assert.Null(stored.Project.Name);
        Assert.Equal([2], await plans.ReadPlanFileAsync(stored, CancellationToken.None));

        Assert.Equal(1, await plans.DeleteAllAsync(Pull(1), CancellationToken.None));
        Assert.Null(await plans.ReadPlanFileAsync(stored, CancellationToken.None));
        Assert.Empty(await plans.ListAsync(Pull(1), CancellationToken.None));
    }

    [Fact]
    public async Task Two_named_projects_on_one_directory_keep_separate_plans_and_one_can_be_deleted_alone()
    {
        var plans = Store.Plans;
        var eu = Plan(new Project(new ProjectKey("app", "default"), "app-eu", []));
        await plans.SaveAsync(eu, [1], CancellationToken.None);
        await plans.SaveAsync(Plan(new Project(new ProjectKey("app", "default"), "app-us", [])), [2], CancellationToken.None);

        Assert.Equal(["app-eu", "app-us"], (await plans.ListAsync(Pull(1), CancellationToken.None)).Select(p => p.Project.Name));
        await plans.DeleteAsync(eu, CancellationToken.None);
        Assert.Equal(["app-us"], (await plans.ListAsync(Pull(1), CancellationToken.None)).Select(p => p.Project.Name));
        Assert.Empty(await plans.ListAsync(Pull(2), CancellationToken.None));
    }

    [Fact]
    public async Task A_plan_file_of_several_megabytes_comes_back_byte_for_byte()
    {
        var file = new byte[5 * 1024 * 1024];
        new Random(7).NextBytes(file);
        var plan = Plan(new Project(new ProjectKey(".", "default"), null, []));
        await Store.Plans.SaveAsync(plan, file, CancellationToken.None);

        await ReopenAsync();

        Assert.Equal(file, await Store.Plans.ReadPlanFileAsync(plan, CancellationToken.None));
    }

    [Fact]
    public async Task The_apply_lock_survives_reopening_the_database_until_it_is_cleared()
    {
        var store = Store.ApplyLock;
        Assert.Null(await store.GetAsync(CancellationToken.None));
        await store.SetAsync(new ApplyLock("ops", Now, null), CancellationToken.None);
        await store.SetAsync(new ApplyLock("ops-alice", Now.AddMinutes(5), "release freeze"), CancellationToken.None);

        await ReopenAsync();
        store = Store.ApplyLock;

        Assert.Equal(new ApplyLock("ops-alice", Now.AddMinutes(5), "release freeze"), await store.GetAsync(CancellationToken.None));
        Assert.True(await store.ClearAsync(CancellationToken.None));
        Assert.False(await store.ClearAsync(CancellationToken.None));
        Assert.Null(await store.GetAsync(CancellationToken.None));
    }

    private static PullRequestRef Pull(int number) => new(Repo, number);

    private static PlanRecord Plan(Project project) =>
        new(Pull(1), project, "6dcb09b5b57875f334f61aebed695e2e4193db5e", "alice", Now, true, "Plan: 1 to add, 0 to change, 0 to destroy.");

    private static OutboxMessage Message(string body) =>
        new(Guid.NewGuid().ToString("N"), 0, Pull(1), OutboxMessageKind.Comment, body, null, null, Now);

    private protected static JobRun Run(string id, JobKind kind = JobKind.Plan, string command = "iacbot plan", string? head = null, DateTimeOffset? startedAt = null) =>
        new(id, Pull(7), kind, command, head, "host:42:abc", startedAt ?? Now, $"{{\"job\":\"{id}\"}}");
}
