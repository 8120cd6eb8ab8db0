namespace IaCBot.Core.RepoConfig.Paths;

/// <summary>
/// Repo-relative paths as IaCBot stores them: <c>/</c>-separated, no <c>.</c> or empty segments, <c>.</c> for the root.
/// </summary>
internal static class RepoPath
{
    public const string Root = ".";

    /// <summary>Normalises a directory a user wrote; refuses one that is absolute or steps out with <c>..</c>.</summary>
    public static bool TryNormalizeDir(string raw, out string dir, out string? problem)
    {
        dir = Root;
        if (IsAbsolute(raw))
        {
            problem = "is an absolute path; write it relative to the repo root (`.` for the root)";
            return false;
        }

        var segments = Segments(raw);
        if (segments.Contains(".."))
        {
            problem = "must not contain `..`: a project lives inside the repository";
            return false;
        }

        dir = segments.Count == 0 ? Root : string.Join('/', segments);
        problem = null;
        return true;
    }

    /// <summary>Normalises a changed-file path from the VCS (already repo-relative) without judging it.</summary>
    public static string NormalizeFile(string raw) => Clean(raw.Replace('\\', '/').TrimStart('/'));

    /// <summary>The directory holding <paramref name="file"/>, <c>.</c> for a file at the root.</summary>
    public static string DirectoryOf(string file)
    {
        var slash = file.LastIndexOf('/');
        return slash < 0 ? Root : file[..slash];
    }

    /// <summary>Joins and cleans like Go's <c>filepath.Join</c>: <c>..</c> removes the segment before it when there is one.</summary>
    public static string Join(string dir, string relative) => Clean(dir == Root ? relative : dir + "/" + relative);

    public static string Clean(string path)
    {
        if (IsClean(path))
        {
            return path;
        }

        var kept = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && kept.Count > 0 && kept[^1] != "..")
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(segment);
        }

        return kept.Count == 0 ? Root : string.Join('/', kept);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="dir"/> itself or lies below it.</summary>
    public static bool IsInside(string path, string dir) =>
        dir == Root || path == dir || (path.StartsWith(dir, StringComparison.Ordinal) && path.Length > dir.Length && path[dir.Length] == '/');

    // Most paths are already clean; checking that is far cheaper than splitting and joining them.
    private static bool IsClean(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path[^1] == '/')
        {
            return false;
        }

        var segmentStart = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                continue;
            }

            var segment = path.AsSpan(segmentStart, i - segmentStart);
            if (segment is "" or "." or "..")
            {
                return path == Root;
            }

            segmentStart = i + 1;
        }

        return true;
    }

    private static bool IsAbsolute(string raw) =>
        raw.StartsWith('/') || raw.StartsWith('\\') || (raw.Length >= 2 && char.IsAsciiLetter(raw[0]) && raw[1] == ':');

    private static List<string> Segments(string raw) =>
        raw.Split('/').Where(s => s is not ("" or ".")).ToList();
}
