using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects.Modules.GitIndex;

/// <summary>
/// Builds a <see cref="CheckoutIndex"/> from the git index instead of listing every directory: git already knows every
/// tracked path with its blob id and the stat data it saw, so a choice costs one read of <c>.git/index</c> and one
/// lstat per configuration file, and files are read only when their blob was never parsed or the work tree differs.
/// </summary>
/// <remarks>
/// <para>
/// Trusting the work tree follows git's own rule (https://git-scm.com/docs/racy-git): a file whose size and mtime are
/// those recorded, and whose mtime is older than the index file itself, is the blob the index names. A file written in
/// the same instant as the index ("racily clean") or whose stat differs is read from the work tree. Whatever is read
/// is hashed as a git blob, and only bytes that hash to the index's id are cached under it, so a file edited in one
/// checkout never stands in for another checkout's. .NET gives no ctime or inode without native calls, so an edit
/// that keeps the size and resets the mtime to the recorded 100 ns is not seen; only git writes IaCBot's checkouts.
/// </para>
/// <para>
/// Only tracked files count. IaCBot checks each commit out with <c>--force</c> and <c>git clean -ffdx</c>, so an
/// untracked configuration file can only be one an earlier run or hook left behind in the same checkout; the choice
/// depends on the pull request's commit, not on such leftovers. Without a usable index (a plain directory, a
/// <c>.git</c> file, see <see cref="IndexFile"/>), the caller walks the checkout as before.
/// </para>
/// </remarks>
internal static class TrackedCheckout
{
    /// <summary>The checkout as its git index describes it, or null to walk it instead.</summary>
    public static CheckoutIndex? TryBuild(string root, ModuleCallsCache cache)
    {
        var gitDir = Path.Combine(root, ".git");
        if (!Directory.Exists(gitDir) || !File.Exists(Path.Combine(gitDir, "index")))
        {
            return null;
        }

        try
        {
            return IndexFile.TryRead(Path.Combine(gitDir, "index")) is { } tracked ? Build(root, tracked, cache) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never fail a choice because of the index: the walk answers from the work tree alone.
            return null;
        }
    }

    private static CheckoutIndex Build(string root, TrackedFiles tracked, ModuleCallsCache cache)
    {
        var entries = tracked.Configuration;
        var found = new ModuleCalls?[entries.Count];
        var reads = 0;
        void Check(int i)
        {
            var (calls, read) = WorkTreeFile.Calls(root, entries[i], tracked.WrittenTicks, cache);
            found[i] = calls;
            if (read)
            {
                Interlocked.Increment(ref reads);
            }
        }

        CheckoutIndex.ForEach(entries.Count, Check);

        var directories = new HashSet<string>(StringComparer.Ordinal) { RepoPath.Root };
        var terraform = new Dictionary<string, ModuleCalls>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (found[i] is not { } calls)
            {
                continue;
            }

            var dir = RepoPath.DirectoryOf(entries[i].Path);
            terraform[dir] = ModuleCalls.Merge(terraform.GetValueOrDefault(dir), calls);
            for (var d = dir; directories.Add(d); d = RepoPath.DirectoryOf(d))
            {
            }
        }

        return new CheckoutIndex(directories, terraform, reads, fromGitIndex: true);
    }
}
