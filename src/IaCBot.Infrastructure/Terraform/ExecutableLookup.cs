namespace IaCBot.Infrastructure.Terraform;

/// <summary>Finds a program by name in a list of directories, as a shell finds it on PATH.</summary>
internal static class ExecutableLookup
{
    /// <param name="directories">Null means the directories of the server's PATH.</param>
    public static string? Find(string name, IReadOnlyList<string>? directories)
    {
        foreach (var directory in directories ?? ProcessPath())
        {
            if (directory.Length == 0)
            {
                continue;
            }

            var candidate = Path.GetFullPath(Path.Combine(directory, name));
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The directories IaCBot searched, for an error message.</summary>
    public static string Describe(IReadOnlyList<string>? directories) =>
        directories is null ? "PATH" : $"PATH ({string.Join(Path.PathSeparator, directories)})";

    private static string[] ProcessPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
