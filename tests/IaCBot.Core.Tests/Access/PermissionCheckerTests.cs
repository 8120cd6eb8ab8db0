using IaCBot.Core.Access;
using IaCBot.Core.Commands;
using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Access;

public sealed class PermissionCheckerTests
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");

    private readonly ScriptedVcsClient _vcs = new();

    [Theory]
    [InlineData(RepoRole.Write)]
    [InlineData(RepoRole.Maintain)]
    [InlineData(RepoRole.Admin)]
    public async Task By_default_anyone_with_write_access_may_apply(RepoRole role)
    {
        _vcs.Roles["bob"] = role;

        Assert.Null(await CheckAsync(CommandKind.Apply, "bob"));
    }

    [Theory]
    [InlineData(RepoRole.None, "has no access")]
    [InlineData(RepoRole.Read, "has read access")]
    [InlineData(RepoRole.Triage, "has triage access")]
    public async Task By_default_apply_is_refused_to_a_user_without_write_access_naming_the_missing_right(RepoRole role, string has)
    {
        _vcs.Roles["bob"] = role;

        var refusal = await CheckAsync(CommandKind.Apply, "bob");

        Assert.StartsWith("@bob needs write access to acme/infra to apply, and " + has, refusal, StringComparison.Ordinal);
        Assert.Contains("`server:command_permissions:apply`", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommandKind.Import, "to import")]
    [InlineData(CommandKind.StateRm, "to run `iacbot state rm`")]
    [InlineData(CommandKind.Unlock, "to unlock")]
    public async Task Import_state_rm_and_unlock_need_write_access_too(CommandKind kind, string verb)
    {
        _vcs.Roles["bob"] = RepoRole.Read;

        var refusal = await CheckAsync(kind, "bob");

        Assert.Contains($"needs write access to acme/infra {verb}", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommandKind.Plan)]
    [InlineData(CommandKind.Version)]
    [InlineData(CommandKind.Help)]
    public async Task Plan_version_and_help_are_open_to_anyone_who_can_comment_without_asking_the_host(CommandKind kind)
    {
        Assert.Null(await CheckAsync(kind, "drive-by"));
        Assert.Equal(0, _vcs.AccessChecks);
    }

    [Fact]
    public async Task A_failed_permission_check_refuses_the_apply_and_says_the_check_could_not_be_made()
    {
        _vcs.Roles["bob"] = RepoRole.Admin;
        _vcs.AccessFailure = new VcsException("GitHub answered 502 to 'get the permission of bob'.", 502, isTransient: true);

        var refusal = await CheckAsync(CommandKind.Apply, "bob");

        Assert.StartsWith("IaCBot could not check whether @bob may apply, so nothing was run: GitHub answered 502", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_list_replaces_write_access_for_its_command()
    {
        _vcs.Roles["bob"] = RepoRole.Admin;
        var permissions = Lists(("apply", ["alice"]));

        Assert.Null(await CheckAsync(CommandKind.Apply, "ALICE", permissions));
        var refusal = await CheckAsync(CommandKind.Apply, "bob", permissions);

        Assert.Equal("@bob must be listed in `server:command_permissions:apply` to apply: nothing was run.", refusal);
    }

    [Fact]
    public async Task An_active_member_of_a_listed_team_may_run_the_command()
    {
        _vcs.TeamMembers.Add("acme/platform:carol");
        var permissions = Lists(("apply", ["alice", "@acme/platform"]));

        Assert.Null(await CheckAsync(CommandKind.Apply, "carol", permissions));
    }

    [Fact]
    public async Task Someone_in_no_listed_team_is_told_which_teams_or_setting_would_let_them()
    {
        var permissions = Lists(("apply", ["@acme/platform", "@acme/sre"]));

        var refusal = await CheckAsync(CommandKind.Apply, "bob", permissions);

        Assert.Equal(
            "@bob must be in `@acme/platform` or `@acme/sre`, or listed in `server:command_permissions:apply` to apply: nothing was run.",
            refusal);
    }

    [Fact]
    public async Task A_failed_team_check_refuses_unless_another_team_lets_the_user_in()
    {
        var permissions = Lists(("apply", ["@acme/platform"]));
        _vcs.AccessFailure = new VcsException("GitHub answered 403 to 'get the membership of bob'.", 403, isTransient: false);

        var refusal = await CheckAsync(CommandKind.Apply, "bob", permissions);

        Assert.StartsWith("IaCBot could not check whether @bob may apply, so nothing was run", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_star_lets_anyone_run_the_command_as_in_atlantis()
    {
        Assert.Null(await CheckAsync(CommandKind.Apply, "drive-by", Lists(("apply", ["*"]))));
        Assert.Equal(0, _vcs.AccessChecks);
    }

    [Fact]
    public async Task A_list_for_plan_closes_plan_to_everyone_else()
    {
        var refusal = await CheckAsync(CommandKind.Plan, "drive-by", Lists(("plan", ["alice"])));

        Assert.Equal("@drive-by must be listed in `server:command_permissions:plan` to plan: nothing was run.", refusal);
    }

    private Task<string?> CheckAsync(CommandKind kind, string user, CommandPermissions? permissions = null)
    {
        var command = new CommentCommand("iacbot", kind, null, null, null, false, []);
        return new PermissionChecker(_vcs, permissions ?? CommandPermissions.Default).CheckAsync(Repo, user, command, CancellationToken.None);
    }

    private static CommandPermissions Lists(params (string Key, string[] Values)[] lists)
    {
        var permissions = CommandPermissionsSetting.Parse(
            lists.Select(l => KeyValuePair.Create(l.Key, (IReadOnlyList<string?>)l.Values)), out var errors);
        Assert.Empty(errors);
        return permissions;
    }
}
