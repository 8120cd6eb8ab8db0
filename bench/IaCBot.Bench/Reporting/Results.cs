using System.Globalization;

namespace IaCBot.Bench.Reporting;

/// <summary>bench/results of the repository the command runs in, for the modes that write Markdown only.</summary>
internal static class Results
{
    /// <summary>Writes &lt;mode&gt;-&lt;yyyyMMdd-HHmmss&gt;.md (UTC); returns its path.</summary>
    public static string Write(string mode, DateTimeOffset started, string markdown)
    {
        var directory = Directory();
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{mode}-{started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        File.WriteAllText(path, markdown);
        return path;
    }

    private static string Directory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaCBot.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "results");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "bench-results");
    }
}
