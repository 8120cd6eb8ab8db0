using IaCBot.Core.Commands;

namespace IaCBot.Core.Access;

/// <summary>Who may run each comment command: the administrator's lists, and the default for commands without one.</summary>
/// <remarks>
/// By default a command that changes infrastructure or state (<c>apply</c>, <c>import</c>, <c>state rm</c>), or that
/// throws away reviewed plans and frees their locks (<c>unlock</c>), needs write access to the repository: the same
/// right as merging the change. <c>plan</c>, <c>version</c> and <c>help</c> stay open to anyone who can comment, as in
/// Atlantis. A list set for a command replaces that default for the command.
/// </remarks>
public sealed class CommandPermissions(IReadOnlyDictionary<CommandKind, CommandAllowList> lists)
{
    public static CommandPermissions Default { get; } = new(new Dictionary<CommandKind, CommandAllowList>());

    /// <summary>The administrator's list for <paramref name="kind"/>, or null when the default applies.</summary>
    public CommandAllowList? ListFor(CommandKind kind) => lists.GetValueOrDefault(kind);

    public static bool NeedsWriteAccessByDefault(CommandKind kind) =>
        kind is CommandKind.Apply or CommandKind.Import or CommandKind.StateRm or CommandKind.Unlock;
}
