using System.Text;

namespace IaCBot.Core.Commands;

/// <summary>Turns a pull request comment into a <see cref="CommentParseResult"/>, without ever throwing.</summary>
/// <remarks>
/// A comment is addressed to IaCBot only when its first word is one of the command names (<c>iacbot</c>,
/// <c>atlantis</c>, <c>@some-bot</c>), in any case. Anything else, including a quoted command (<c>&gt; iacbot apply</c>)
/// or a sentence that mentions one, is ignored so that talking about IaCBot never runs it.
/// </remarks>
public sealed class CommentParser
{
    internal const int MaxBodyBytes = 64 * 1024;
    internal const int MaxWords = 100;

    private static readonly CommentParseResult Ignored = new CommentParseResult.Ignored();

    private readonly string[] _names;
    private readonly CommandArguments _arguments;
    private readonly HashSet<CommandKind> _allowed;

    /// <param name="commandNames">The names a command may start with; the first that matches is reported.</param>
    /// <param name="deniedExtraArgs">Terraform flags, such as <c>-var-file</c>, refused after <c>--</c> on top of
    /// <c>-chdir</c> and <c>-plugin-dir</c>.</param>
    /// <param name="allowedCommands">The commands this server runs (its <c>allow_commands</c>), by default
    /// <see cref="AllowCommandsSetting.Default"/>; <c>help</c> is always allowed.</param>
    public CommentParser(
        IReadOnlyList<string> commandNames,
        IReadOnlyCollection<string>? deniedExtraArgs = null,
        IReadOnlyCollection<CommandKind>? allowedCommands = null)
    {
        ArgumentNullException.ThrowIfNull(commandNames);
        if (commandNames.Count == 0 || commandNames.Any(n => string.IsNullOrEmpty(n) || n.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("Give at least one command name, each a single word such as iacbot or @some-bot.", nameof(commandNames));
        }

        if (allowedCommands?.Any(kind => !Enum.IsDefined(kind)) == true)
        {
            throw new ArgumentException("An allowed command must be one of CommandKind's values.", nameof(allowedCommands));
        }

        _names = [.. commandNames];
        _arguments = new CommandArguments(new ExtraArgsPolicy(deniedExtraArgs ?? []));
        _allowed = [.. allowedCommands ?? AllowCommandsSetting.Default, CommandKind.Help];
        AllowedCommands = [.. AllowCommandsSetting.All.Where(_allowed.Contains)];
    }

    /// <summary>The commands this parser accepts, <c>help</c> among them; pass them to
    /// <see cref="CommandUsage.Help(string, IReadOnlyCollection{CommandKind})"/> so help lists only these.</summary>
    public IReadOnlyCollection<CommandKind> AllowedCommands { get; }

    public CommentParseResult Parse(string? commentBody)
    {
        if (commentBody is null)
        {
            return Ignored;
        }

        var start = 0;
        while (start < commentBody.Length && char.IsWhiteSpace(commentBody[start]))
        {
            start++;
        }

        var name = NameAt(commentBody, start);
        if (name is null)
        {
            return Ignored;
        }

        var rest = commentBody.AsSpan(start + name.Length);
        var afterName = rest.Trim();
        var word = FirstWord(afterName);
        var wordOnFirstLine = !rest[..(rest.Length - rest.TrimStart().Length)].ContainsAny('\r', '\n');
        if (IsTooLarge(commentBody))
        {
            return new CommentParseResult.Invalid(name, KindOf(word),
                $"The comment is larger than {MaxBodyBytes / 1024} KiB, the most IaCBot reads; post the command on its own.");
        }

        if (commentBody.AsSpan(start).TrimEnd().ContainsAny('\r', '\n'))
        {
            return MultiLine(name, word, wordOnFirstLine);
        }

        return ShellWords.TrySplit(afterName.ToString(), MaxWords - 1, out var words, out var error)
            ? Dispatch(name, words)
            : new CommentParseResult.Invalid(name, KindOf(word), error);
    }

    private string? NameAt(string body, int start)
    {
        foreach (var name in _names)
        {
            var end = start + name.Length;
            if (end <= body.Length
                && string.Compare(body, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == body.Length || char.IsWhiteSpace(body[end])))
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsTooLarge(string body) =>
        body.Length > MaxBodyBytes || Encoding.UTF8.GetByteCount(body) > MaxBodyBytes;

    /// <remarks>
    /// A command followed by more text is most likely a command plus an explanation, which IaCBot will not guess
    /// apart, so the user is told how to post it. A first line that goes on from the name with a word that is no
    /// command (<c>Atlantis failed here, see below</c>) is a discussion, and is ignored.
    /// </remarks>
    private static CommentParseResult MultiLine(string name, string word, bool wordOnFirstLine)
    {
        var isCommand = CommandWords.TryParse(word, out var kind);
        if (wordOnFirstLine && word.Length > 0 && !isCommand)
        {
            return Ignored;
        }

        var command = isCommand ? $"{name} {CommandWords.Of(kind)}" : name;
        return new CommentParseResult.Invalid(name, isCommand ? kind : CommandKind.Help,
            $"A command must be alone in its comment, on one line: post {InlineCode.Of(command)} again as a comment of its own, without the other lines.");
    }

    private CommentParseResult Dispatch(string name, List<string> words)
    {
        if (words.Count == 0)
        {
            return new CommentParseResult.HelpRequested(name, null);
        }

        if (!CommandWords.TryParse(words[0], out var kind))
        {
            return new CommentParseResult.HelpRequested(name, words[0]);
        }

        if (kind == CommandKind.Help)
        {
            return new CommentParseResult.HelpRequested(name, null);
        }

        return _allowed.Contains(kind)
            ? _arguments.Read(name, kind, words[1..])
            : new CommentParseResult.Invalid(name, kind,
                $"{InlineCode.Of(CommandWords.Of(kind))} is not enabled on this server; an administrator can enable it by adding {InlineCode.Of(AllowCommandsSetting.NameOf(kind))} to `server:allow_commands`.");
    }

    /// <summary>The command an unreadable comment was meant to be, so its usage goes with the error.</summary>
    private static CommandKind KindOf(string word) =>
        CommandWords.TryParse(word, out var kind) ? kind : CommandKind.Help;

    /// <remarks>Cut short: no command word is long, and a huge comment must not be copied to find out.</remarks>
    private static string FirstWord(ReadOnlySpan<char> text)
    {
        var end = 0;
        while (end < text.Length && end < 16 && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[..end].ToString();
    }
}
