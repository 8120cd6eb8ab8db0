using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

/// <summary>
/// The changed files of a pull request, normalised and sorted so that the files under a path prefix are found by
/// binary search: matching thousands of projects then costs a lookup per pattern, not a scan of every file.
/// </summary>
internal sealed class ChangedFiles
{
    private readonly string[] sorted;

    public ChangedFiles(IEnumerable<string> files)
    {
        // A path that climbs out of the repository names no file of it, and must not make us look outside the checkout.
        sorted = files
            .Select(RepoPath.NormalizeFile)
            .Where(f => f != RepoPath.Root && f != ".." && !f.StartsWith("../", StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> All => sorted;

    public ReadOnlySpan<string> StartingWith(string prefix)
    {
        if (prefix.Length == 0)
        {
            return sorted;
        }

        var start = LowerBound(prefix);
        var end = start;
        while (end < sorted.Length && sorted[end].StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return sorted.AsSpan(start, end - start);
    }

    private int LowerBound(string value)
    {
        var index = Array.BinarySearch(sorted, value, StringComparer.Ordinal);
        return index >= 0 ? index : ~index;
    }
}
