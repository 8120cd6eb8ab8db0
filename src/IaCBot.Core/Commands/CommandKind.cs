namespace IaCBot.Core.Commands;

public enum CommandKind
{
    Plan,
    Apply,
    Unlock,
    Help,
    Version,

    /// <summary><c>import ADDRESS ID</c>: off unless the server's <c>allow_commands</c> enables it.</summary>
    Import,

    /// <summary><c>state rm ADDRESS...</c>: off unless the server's <c>allow_commands</c> enables it.</summary>
    StateRm,
}
