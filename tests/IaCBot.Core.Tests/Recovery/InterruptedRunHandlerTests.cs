using IaCBot.Core.Commands;
using IaCBot.Core.Locking;
using IaCBot.Core.Outbox;
using IaCBot.Core.Redaction;
using IaCBot.Core.Projects;
using IaCBot.Core.Recovery;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.Recovery;

public sealed class InterruptedRunHandlerTests
{
    private const string Head = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private static readonly RepoId Repo = new("github.com", "acme", "infra");
    private static readonly PullRequestRef Pull = new(Repo, 7);
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ScriptedVcsClient _vcs = new() { PullRequest = Info(Head) };
    private readonly InMemoryPlanStore _plans = new();
    private readonly InMemoryLockStore _locks = new();
    private readonly InMemoryOutboxStore _outbox = new();
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task An_interrupted_autoplan_is_reported_run_again_and_its_status_is_no_longer_pending()
    {
        var action = await Handler().HandleAsync(Run(JobKind.Autoplan, "pull_request opened", head: "abc123"), CancellationToken.None);

        Assert.Equal(RecoveryAction.RunAgain, action);
        Assert.Contains("stopped while it was planning this pull request", Assert.Single(_vcs.Comments).Body, StringComparison.Ordinal);
        var status = Assert.Single(_vcs.Statuses);
        Assert.Equal((StatusContexts.Plan, CommitState.Error), (status.Context, status.State));
    }

    [Fact]
    public async Task An_interrupted_plan_comment_names_the_command_and_is_run_again()
    {
        var action = await Handler().HandleAsync(Run(JobKind.Plan, "atlantis plan -d app"), CancellationToken.None);

        Assert.Equal(RecoveryAction.RunAgain, action);
        var reply = Assert.Single(_vcs.Comments).Body;
        Assert.Contains("`atlantis plan -d app`", reply, StringComparison.Ordinal);
        Assert.Contains("`atlantis plan` if it does not appear", reply, StringComparison.Ordinal);
        Assert.Equal(CommitState.Error, Assert.Single(_vcs.Statuses).State);
    }

    [Fact]
    public async Task An_interrupted_apply_is_not_run_again_its_plans_are_discarded_and_its_locks_kept()
    {
        await SavePlanAsync("app");
        await SavePlanAsync("db");
        await LockAsync("app");

        var action = await Handler().HandleAsync(Run(JobKind.Apply, "iacbot apply"), CancellationToken.None);

        Assert.Equal(RecoveryAction.Reported, action);
        Assert.Empty(_plans.All);
        Assert.Single(await _locks.ListAsync(CancellationToken.None));
        var reply = Assert.Single(_vcs.Comments).Body;
        Assert.Contains("did not run it again", reply, StringComparison.Ordinal);
        Assert.Contains("Locks still held by this pull request", reply, StringComparison.Ordinal);
        Assert.Contains("Plans discarded, since the state may have changed under them:\n  * dir: `app` workspace: `default`\n  * dir: `db`", reply, StringComparison.Ordinal);
        Assert.Contains("terraform force-unlock", reply, StringComparison.Ordinal);
        Assert.Contains("`iacbot plan` to plan from the state as it is now", reply, StringComparison.Ordinal);
        var status = Assert.Single(_vcs.Statuses);
        Assert.Equal((StatusContexts.Apply, CommitState.Error), (status.Context, status.State));
    }

    [Fact]
    public async Task An_apply_of_one_directory_discards_that_plan_only()
    {
        await SavePlanAsync("app");
        await SavePlanAsync("db");

        await Handler().HandleAsync(Run(JobKind.Apply, "iacbot apply -d app"), CancellationToken.None);

        Assert.Equal("db", Assert.Single(_plans.All).Project.Dir);
        var reply = Assert.Single(_vcs.Comments).Body;
        Assert.Contains("Plans still saved, not part of this command:\n  * dir: `db`", reply, StringComparison.Ordinal);
        Assert.Contains("This pull request holds no locks.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_state_rm_sets_no_status_and_says_to_check_the_state_before_repeating_it()
    {
        var action = await Handler().HandleAsync(Run(JobKind.StateRm, "iacbot state rm null_resource.a"), CancellationToken.None);

        Assert.Equal(RecoveryAction.Reported, action);
        Assert.Empty(_vcs.Statuses);
        var reply = Assert.Single(_vcs.Comments).Body;
        Assert.Contains("`terraform state list`", reply, StringComparison.Ordinal);
        Assert.Contains("If the change is not in the state, comment `iacbot state rm null_resource.a` again.", reply, StringComparison.Ordinal);
        Assert.Contains("No saved plan was discarded.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_unlock_is_run_again_and_its_own_reply_is_left_to_say_what_it_freed()
    {
        var action = await Handler().HandleAsync(Run(JobKind.Unlock, "iacbot unlock"), CancellationToken.None);

        Assert.Equal(RecoveryAction.RunAgain, action);
        Assert.Empty(_vcs.Comments);
    }

    [Fact]
    public async Task Another_command_is_reported_and_left_to_the_user()
    {
        var action = await Handler().HandleAsync(Run(JobKind.Other, "iacbot version"), CancellationToken.None);

        Assert.Equal(RecoveryAction.Reported, action);
        Assert.Contains("answering `iacbot version`", Assert.Single(_vcs.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_host_cannot_be_read_an_apply_is_left_as_it_was_to_be_dealt_with_later()
    {
        _vcs.PullRequest = null;
        await SavePlanAsync("app");

        await Assert.ThrowsAsync<VcsException>(() => Handler().HandleAsync(Run(JobKind.Apply, "iacbot apply"), CancellationToken.None));

        Assert.Single(_plans.All);
        Assert.Empty(_outbox.All);
    }

    private InterruptedRunHandler Handler()
    {
        var dispatcher = new OutboxDispatcher(_outbox, _vcs, OutboxSettings.Default, _time, Redactor.None, NullLogger<OutboxDispatcher>.Instance);
        return new InterruptedRunHandler(
            _vcs,
            _plans,
            _locks,
            new CommentParser(["iacbot", "atlantis"], allowedCommands: AllowCommandsSetting.All),
            new PullRequestNotifier(_outbox, dispatcher, _vcs, _time, Redactor.None),
            new BotSettings(["iacbot", "atlantis"], "iacbot-bot", "1.0.0"),
            NullLogger<InterruptedRunHandler>.Instance);
    }

    private Task SavePlanAsync(string dir) =>
        _plans.SaveAsync(new PlanRecord(Pull, new Project(new ProjectKey(dir, "default"), null, []), Head, "alice", Now, true, ""), Stream.Null, CancellationToken.None);

    private Task LockAsync(string dir) =>
        _locks.TryAcquireAsync(new ProjectLock(new LockKey(Repo, dir, "default"), Pull, "alice", Now), CancellationToken.None);

    private static JobRun Run(JobKind kind, string command, string? head = null) =>
        new("41", Pull, kind, command, head, "gone-host:123:abc", Now, "{}");

    private static PullRequestInfo Info(string sha) =>
        new(Pull, "alice", sha, "change", "main", "https://github.com/acme/infra.git", false, PullRequestState.Open, true, "clean", "https://github.com/acme/infra/pull/7");
}
