namespace IaCBot.Core.Commands;

/// <summary>What a comment means to IaCBot.</summary>
public abstract record CommentParseResult
{
    private CommentParseResult()
    {
    }

    /// <summary>The comment is not addressed to IaCBot: no reply.</summary>
    public sealed record Ignored : CommentParseResult;

    /// <summary>A valid command to run.</summary>
    public sealed record Parsed(CommentCommand Command) : CommentParseResult;

    /// <summary>Addressed to IaCBot but wrong: reply with <paramref name="Error"/> and the usage of <paramref name="Kind"/>.</summary>
    public sealed record Invalid(string CommandName, CommandKind Kind, string Error) : CommentParseResult;

    /// <summary><c>help</c>, or a command IaCBot does not know: reply with the help text.</summary>
    public sealed record HelpRequested(string CommandName, string? UnknownCommand) : CommentParseResult;
}
