namespace IaCBot.Core.Commands;

public enum CommandKind
{
    Plan,
    Apply,
    Unlock,
    Help,
    Version,
    Import,
    StateRm,
}
