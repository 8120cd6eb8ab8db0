namespace IaCBot.Infrastructure.Processes;

/// <summary>The line a log starts each command with, as a person would type it (secrets masked), to find it by.</summary>
internal static class CommandLine
{
    public static string Describe(Core.Processes.ProcessSpec spec, IReadOnlyList<string> secrets)
    {
        var words = spec.Arguments.Prepend(Path.GetFileName(spec.FileName)).Select(Quote);
        return Secrets.Mask("$ " + string.Join(' ', words), secrets);
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./:,@%+".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
