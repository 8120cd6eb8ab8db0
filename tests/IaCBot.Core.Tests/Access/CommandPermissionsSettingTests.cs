using IaCBot.Core.Access;
using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Access;

public sealed class CommandPermissionsSettingTests
{
    [Fact]
    public void Logins_and_teams_are_read_per_command_from_lists_or_comma_separated_values()
    {
        var permissions = Parse(out var errors, ("apply", ["alice, @acme/platform"]), ("STATE", ["@bob"]));

        Assert.Empty(errors);
        var apply = permissions.ListFor(CommandKind.Apply)!;
        Assert.Equal(["alice"], apply.Users);
        Assert.Equal([new TeamName("acme", "platform")], apply.Teams);
        Assert.Equal(["bob"], permissions.ListFor(CommandKind.StateRm)!.Users);
        Assert.Null(permissions.ListFor(CommandKind.Unlock));
    }

    [Fact]
    public void Each_mistake_is_named_with_its_command()
    {
        Parse(out var errors, ("aply", ["alice"]), ("help", ["alice"]), ("apply", ["@acme/"]), ("unlock", [""]));

        Assert.Equal(
        [
            "aply: not a command whose use can be limited; use plan, apply, unlock, version, import or state.",
            "help: not a command whose use can be limited; use plan, apply, unlock, version, import or state.",
            "apply: '@acme/' is neither a login (alice) nor a team (@acme/platform).",
            "unlock: list at least one login or @org/team, or '*'; remove the key to need write access (the default).",
        ], errors);
    }

    private static CommandPermissions Parse(out IReadOnlyList<string> errors, params (string Key, string[] Values)[] lists) =>
        CommandPermissionsSetting.Parse(lists.Select(l => KeyValuePair.Create(l.Key, (IReadOnlyList<string?>)l.Values)), out errors);
}
