using System.Diagnostics.CodeAnalysis;

namespace IaCBot.Core.Commands;

/// <summary>Reads the server's <c>allow_commands</c> setting: which comment commands this server runs.</summary>
/// <remarks>
/// Values are spelled as in Atlantis' <c>--allow-commands</c> (https://www.runatlantis.io/docs/server-configuration#allow-commands),
/// so an Atlantis setting can be copied over: <c>state</c> stands for <c>state rm</c>, <c>all</c> for every command, and
/// commands IaCBot does not have (<c>approve_policies</c>, <c>policy_check</c>, <c>cancel</c>) are passed over, since
/// leaving them out enables nothing. <c>import</c> and <c>state</c> change the state without a plan to review, so
/// they are off until an administrator lists them, as in Atlantis. <c>help</c> is always on.
/// </remarks>
public static class AllowCommandsSetting
{
    private const string Everything = "all";

    private static readonly Dictionary<string, CommandKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["plan"] = CommandKind.Plan,
        ["apply"] = CommandKind.Apply,
        ["unlock"] = CommandKind.Unlock,
        ["version"] = CommandKind.Version,
        ["help"] = CommandKind.Help,
        ["import"] = CommandKind.Import,
        ["state"] = CommandKind.StateRm,
    };

    private static readonly HashSet<string> AtlantisOnly =
        new(["approve_policies", "policy_check", "cancel"], StringComparer.OrdinalIgnoreCase);

    /// <summary>What a server runs when its settings do not say: every command but <c>import</c> and <c>state rm</c>.</summary>
    public static IReadOnlyCollection<CommandKind> Default { get; } =
        [CommandKind.Plan, CommandKind.Apply, CommandKind.Unlock, CommandKind.Version, CommandKind.Help];

    public static IReadOnlyCollection<CommandKind> All { get; } = Enum.GetValues<CommandKind>();

    /// <summary>Reads one value of the setting, such as <c>plan</c> or <c>state</c>; <c>all</c> is no single command.</summary>
    public static bool TryParseKind(string? word, out CommandKind kind)
    {
        kind = default;
        return word is not null && Kinds.TryGetValue(word.Trim(), out kind);
    }

    /// <summary>The value that enables <paramref name="kind"/>, such as <c>state</c> for <see cref="CommandKind.StateRm"/>.</summary>
    public static string NameOf(CommandKind kind) => kind == CommandKind.StateRm ? "state" : CommandWords.Of(kind);

    /// <summary>Reads the whole setting: a list whose items may each hold several values separated by commas, so
    /// <c>[plan, apply]</c> and <c>"plan,apply"</c> (as an environment variable gives it) mean the same.</summary>
    /// <returns>False with a one-sentence <paramref name="error"/> naming the first value IaCBot does not know.</returns>
    public static bool TryParse(
        IEnumerable<string?> values,
        [NotNullWhen(true)] out IReadOnlyCollection<CommandKind>? allowed,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        var kinds = new HashSet<CommandKind> { CommandKind.Help };
        allowed = null;
        error = null;
        foreach (var value in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (value.Equals(Everything, StringComparison.OrdinalIgnoreCase))
            {
                kinds.UnionWith(All);
            }
            else if (TryParseKind(value, out var kind))
            {
                kinds.Add(kind);
            }
            else if (!AtlantisOnly.Contains(value))
            {
                error = $"{InlineCode.Of(value)} is not a command IaCBot can allow; use {string.Join(", ", All.Select(NameOf))} or {Everything}.";
                return false;
            }
        }

        allowed = [.. All.Where(kinds.Contains)];
        return true;
    }
}
