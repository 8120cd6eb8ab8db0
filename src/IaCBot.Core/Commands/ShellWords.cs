using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace IaCBot.Core.Commands;

/// <summary>Splits a command line into words the way a POSIX shell quotes them, with every expansion left out.</summary>
/// <remarks>
/// Users copy commands from their terminal, so quoting must work as they know it (<c>-var 'tags={"a"="b c"}'</c> is one
/// word). Nothing is ever expanded: <c>$</c>, backticks, <c>;</c>, <c>|</c>, <c>&amp;</c> and globs stay plain characters,
/// because the words go to terraform as an argument list and never through a shell.
/// </remarks>
internal static class ShellWords
{
    public static bool TrySplit(
        string line,
        int maxWords,
        [NotNullWhen(true)] out List<string>? words,
        [NotNullWhen(false)] out string? error)
    {
        words = [];
        error = null;
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length && error is null && words.Count <= maxWords; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            i = c switch
            {
                '\'' => ReadSingleQuoted(line, i, word, ref error),
                '"' => ReadDoubleQuoted(line, i, word, ref error),
                '\\' when i + 1 < line.Length => Append(word, line[i + 1], i + 1),
                _ => Append(word, c, i),
            };
        }

        if (inWord && error is null)
        {
            words.Add(word.ToString());
        }

        error ??= words.Count > maxWords ? TooManyWords : null;
        if (error is not null)
        {
            words = null;
            return false;
        }

        return true;
    }

    internal static string TooManyWords =>
        $"The command has more than {CommentParser.MaxWords} words, the most IaCBot reads in one command.";

    private static int Append(StringBuilder word, char c, int index)
    {
        word.Append(c);
        return index;
    }

    private static int ReadSingleQuoted(string line, int open, StringBuilder word, ref string? error)
    {
        var close = line.IndexOf('\'', open + 1);
        if (close < 0)
        {
            error = "The command has a single quote (`'`) that is never closed.";
            return line.Length;
        }

        word.Append(line, open + 1, close - open - 1);
        return close;
    }

    private static int ReadDoubleQuoted(string line, int open, StringBuilder word, ref string? error)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            // Inside double quotes only \" and \\ are escapes; any other backslash is kept, as in a POSIX shell.
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
            {
                c = line[++i];
            }

            word.Append(c);
        }

        error = "The command has a double quote (`\"`) that is never closed.";
        return line.Length;
    }
}
