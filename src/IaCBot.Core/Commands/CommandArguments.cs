namespace IaCBot.Core.Commands;

/// <summary>Reads the words after the command word (<c>plan</c>, <c>import</c>, <c>state</c>, ...) into a command.</summary>
/// <remarks>
/// Flags follow Atlantis (<c>-d</c>, <c>-w</c>, <c>-p</c>, <c>--verbose</c>, and <c>--</c> before terraform's own
/// arguments) so existing habits keep working. Anything IaCBot does not understand is an error rather than ignored:
/// a mistyped flag must not turn <c>apply -d one</c> into an apply of every project. Only <c>import</c> and
/// <c>state rm</c> take words that are not flags, mixed among the flags as Atlantis allows.
/// </remarks>
internal sealed class CommandArguments(ExtraArgsPolicy extraArgs)
{
    private static readonly Dictionary<string, CommandFlag> Flags = new(StringComparer.Ordinal)
    {
        ["-d"] = CommandFlag.Dir,
        ["--dir"] = CommandFlag.Dir,
        ["-w"] = CommandFlag.Workspace,
        ["--workspace"] = CommandFlag.Workspace,
        ["-p"] = CommandFlag.Project,
        ["--project"] = CommandFlag.Project,
        ["--verbose"] = CommandFlag.Verbose,
    };

    public CommentParseResult Read(string name, CommandKind kind, IReadOnlyList<string> words)
    {
        var end = IndexOfSeparator(words);
        if (words.Take(end).Any(CommandWords.IsHelpFlag))
        {
            return new CommentParseResult.HelpRequested(name, null);
        }

        var error = kind == CommandKind.Unlock && words.Count > 0
            ? $"{InlineCode.Of($"{name} unlock")} takes no flags or arguments; comment it on its own."
            : null;
        var target = new CommandTarget();
        var positional = new List<string>();
        for (var i = 0; i < end && error is null; i++)
        {
            error = ReadWord(name, kind, words, end, ref i, target, positional);
        }

        IReadOnlyList<string> arguments = [];
        if (error is null && CommandWords.TakesArguments(kind))
        {
            error = ResourceArguments.Check(name, kind, positional, out arguments);
        }

        var extra = words.Skip(end + 1).ToArray();
        error ??= CheckCombination(name, kind, target, extra);
        return error is null
            ? new CommentParseResult.Parsed(target.ToCommand(name, kind, extra, arguments))
            : new CommentParseResult.Invalid(name, kind, error);
    }

    private static int IndexOfSeparator(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "--")
            {
                return i;
            }
        }

        return words.Count;
    }

    private static string? ReadWord(
        string name, CommandKind kind, IReadOnlyList<string> words, int end, ref int i, CommandTarget target, List<string> positional)
    {
        var word = words[i];
        if (!word.StartsWith('-') || word == "-")
        {
            if (!CommandWords.TakesArguments(kind))
            {
                return NotAFlag(name, kind, word);
            }

            positional.Add(word);
            return null;
        }

        var equals = word.IndexOf('=');
        var flagName = equals < 0 ? word : word[..equals];
        if (!Flags.TryGetValue(flagName, out var flag))
        {
            return $"{InlineCode.Of(flagName)} is not a flag of {InlineCode.Of($"{name} {CommandWords.Of(kind)}")}.";
        }

        if (!target.Seen.Add(flag))
        {
            return $"The flag {FlagNames(flag)} is given twice; give it once.";
        }

        if (flag == CommandFlag.Verbose)
        {
            target.Verbose = true;
            return equals < 0 ? null : "The flag `--verbose` takes no value.";
        }

        var value = equals >= 0 ? word[(equals + 1)..] : NextValue(words, end, ref i);
        return string.IsNullOrEmpty(value)
            ? $"The flag {FlagNames(flag)} needs a value, as in {Example(flag)}."
            : target.Set(flag, value);
    }

    /// <remarks>A next word that starts with <c>-</c> is the next flag, not a value: <c>-d -w x</c> lacks a directory.</remarks>
    private static string? NextValue(IReadOnlyList<string> words, int end, ref int i)
    {
        if (i + 1 >= end || words[i + 1].StartsWith('-'))
        {
            return null;
        }

        return words[++i];
    }

    private string? CheckCombination(string name, CommandKind kind, CommandTarget target, string[] extra)
    {
        if (target.Project is not null && (target.Dir is not null || target.Workspace is not null))
        {
            return "The flag `-p` names a project, which already has its directory and workspace, so it cannot be combined with `-d` or `-w`.";
        }

        if (extra.Length > 0 && !CommandWords.TakesExtraArgs(kind))
        {
            return $"{InlineCode.Of($"{name} {CommandWords.Of(kind)}")} passes no arguments to terraform; remove `--` and what follows it.";
        }

        return extraArgs.Check(extra, target.Dir);
    }

    private static string NotAFlag(string name, CommandKind kind, string word)
    {
        var where = CommandWords.TakesExtraArgs(kind)
            ? $"name a directory with `-d`, a project with `-p`, or put arguments for terraform after `--`, as in {InlineCode.Of($"{name} {CommandWords.Of(kind)} -- {word}")}"
            : "name a directory with `-d` or a project with `-p`";
        return $"IaCBot does not know what to do with {InlineCode.Of(word)}: {where}.";
    }

    private static string FlagNames(CommandFlag flag) => flag switch
    {
        CommandFlag.Dir => "`-d`/`--dir`",
        CommandFlag.Workspace => "`-w`/`--workspace`",
        CommandFlag.Project => "`-p`/`--project`",
        _ => "`--verbose`",
    };

    private static string Example(CommandFlag flag) => flag switch
    {
        CommandFlag.Dir => "`-d infra/prod`",
        CommandFlag.Workspace => "`-w staging`",
        _ => "`-p network`",
    };
}
