using System.Text.RegularExpressions;
using IaCBot.Core.Commands;

namespace IaCBot.Core.Access;

/// <summary>
/// Reads the server's <c>command_permissions</c>: for a command (named as in <c>allow_commands</c>), the logins and
/// <c>@org/team</c> teams allowed to run it, or <c>*</c> for everyone. Each list may also be one comma-separated value.
/// </summary>
public static partial class CommandPermissionsSetting
{
    private const string Everyone = "*";

    /// <summary>Reads the setting; each error starts with the command key it is about, such as <c>apply: ...</c>.</summary>
    public static CommandPermissions Parse(
        IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>> setting, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var lists = new Dictionary<CommandKind, CommandAllowList>();
        var problems = new List<string>();
        foreach (var (key, values) in setting)
        {
            if (!AllowCommandsSetting.TryParseKind(key, out var kind) || kind == CommandKind.Help)
            {
                problems.Add($"{key}: not a command whose use can be limited; use plan, apply, unlock, version, import or state.");
                continue;
            }

            if (ReadList(key, values, problems) is { } list)
            {
                lists[kind] = list;
            }
        }

        errors = problems;
        return new CommandPermissions(lists);
    }

    private static CommandAllowList? ReadList(string key, IReadOnlyList<string?> values, List<string> problems)
    {
        var entries = values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (entries.Count == 0)
        {
            problems.Add($"{key}: list at least one login or @org/team, or '*'; remove the key to need write access (the default).");
            return null;
        }

        var users = new List<string>();
        var teams = new List<TeamName>();
        foreach (var entry in entries.Where(e => e != Everyone))
        {
            if (TeamPattern().Match(entry) is { Success: true } team)
            {
                teams.Add(new TeamName(team.Groups["org"].Value, team.Groups["slug"].Value));
            }
            else if (LoginPattern().IsMatch(entry))
            {
                users.Add(entry.TrimStart('@'));
            }
            else
            {
                problems.Add($"{key}: '{entry}' is neither a login (alice) nor a team (@acme/platform).");
            }
        }

        return new CommandAllowList(users, teams, entries.Contains(Everyone));
    }

    [GeneratedRegex("^@?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex LoginPattern();

    [GeneratedRegex("^@(?<org>[A-Za-z0-9][A-Za-z0-9_.-]{0,99})/(?<slug>[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$")]
    private static partial Regex TeamPattern();
}
