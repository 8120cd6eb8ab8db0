namespace IaCBot.Core.Commands;

/// <summary>The word after the command name that picks the command, e.g. <c>plan</c> in <c>iacbot plan</c>.</summary>
internal static class CommandWords
{
    private static readonly Dictionary<string, CommandKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["plan"] = CommandKind.Plan,
        ["apply"] = CommandKind.Apply,
        ["unlock"] = CommandKind.Unlock,
        ["version"] = CommandKind.Version,
        ["help"] = CommandKind.Help,
        ["-h"] = CommandKind.Help,
        ["--help"] = CommandKind.Help,
    };

    /// <remarks>Case-insensitive, like the command name: phones capitalise the first word of a comment.</remarks>
    public static bool TryParse(string word, out CommandKind kind) => Kinds.TryGetValue(word, out kind);

    public static bool IsHelpFlag(string word) => word is "-h" or "--help";

    public static string Of(CommandKind kind) => kind switch
    {
        CommandKind.Plan => "plan",
        CommandKind.Apply => "apply",
        CommandKind.Unlock => "unlock",
        CommandKind.Version => "version",
        _ => "help",
    };
}
