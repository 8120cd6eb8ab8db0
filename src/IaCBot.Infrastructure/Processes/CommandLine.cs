namespace IaCBot.Infrastructure.Processes;

/// <summary>The line a log starts each command with, as a person would type it, to find it by.</summary>
internal static class CommandLine
{
    /// <summary>The command as typed; the caller masks it.</summary>
    public static string Describe(Core.Processes.ProcessSpec spec)
    {
        var words = spec.Arguments.Prepend(Path.GetFileName(spec.FileName)).Select(Quote);
        return "$ " + string.Join(' ', words);
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./:,@%+".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
