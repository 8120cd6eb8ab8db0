namespace IaCBot.Core.Commands;

/// <summary>The word after the command name that picks the command, e.g. <c>plan</c> in <c>iacbot plan</c>.</summary>
internal static class CommandWords
{
    /// <summary>The word after <c>state</c>; Atlantis knows no other state subcommand in comments.</summary>
    public const string StateRemove = "rm";

    private static readonly Dictionary<string, CommandKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["plan"] = CommandKind.Plan,
        ["apply"] = CommandKind.Apply,
        ["unlock"] = CommandKind.Unlock,
        ["version"] = CommandKind.Version,
        ["import"] = CommandKind.Import,
        ["state"] = CommandKind.StateRm,
        ["help"] = CommandKind.Help,
        ["-h"] = CommandKind.Help,
        ["--help"] = CommandKind.Help,
    };

    /// <remarks>Case-insensitive, like the command name: phones capitalise the first word of a comment.</remarks>
    public static bool TryParse(string word, out CommandKind kind) => Kinds.TryGetValue(word, out kind);

    public static bool IsHelpFlag(string word) => word is "-h" or "--help";

    /// <summary>The words a user types for <paramref name="kind"/>, after the command name.</summary>
    public static string Of(CommandKind kind) => kind switch
    {
        CommandKind.Plan => "plan",
        CommandKind.Apply => "apply",
        CommandKind.Unlock => "unlock",
        CommandKind.Version => "version",
        CommandKind.Import => "import",
        CommandKind.StateRm => "state rm",
        _ => "help",
    };

    /// <summary>True for the commands that take positional arguments (addresses, an ID) besides flags.</summary>
    public static bool TakesArguments(CommandKind kind) => kind is CommandKind.Import or CommandKind.StateRm;

    /// <summary>True for the commands that pass the words after <c>--</c> on to terraform.</summary>
    public static bool TakesExtraArgs(CommandKind kind) =>
        kind is CommandKind.Plan or CommandKind.Apply or CommandKind.Import or CommandKind.StateRm;
}
