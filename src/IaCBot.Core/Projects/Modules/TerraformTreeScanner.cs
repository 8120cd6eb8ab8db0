using System.Collections.Concurrent;
using System.IO.Enumeration;
using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// Walks a checkout once and reads the module calls of every terraform file in it. The walk skips <c>.git</c>,
/// <c>.terraform</c> (where <c>terraform init</c> copies modules: they are not the repository's) and symbolic links to
/// directories, which could lead out of the checkout or round in circles.
/// </summary>
internal static class TerraformTreeScanner
{
    private const int MaxDepth = 64;

    private static readonly EnumerationOptions OneDirectory = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    public static TerraformTree Scan(string repoRoot)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoRoot));
        var byDir = new ConcurrentDictionary<string, ModuleCalls>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return new TerraformTree(byDir);
        }

        // A system call per directory and two or three per file are the whole cost, so the walk goes level by level
        // with every directory of a level listed, and its files read, on whichever core is free.
        IReadOnlyCollection<string> level = [RepoPath.Root];
        for (var depth = 0; level.Count > 0 && depth < MaxDepth; depth++)
        {
            var below = new ConcurrentBag<string>();
            Parallel.ForEach(level, dir => Visit(root, dir, below, byDir));
            level = below;
        }

        return new TerraformTree(byDir);
    }

    private static void Visit(string root, string dir, ConcurrentBag<string> below, ConcurrentDictionary<string, ModuleCalls> byDir)
    {
        var path = dir == RepoPath.Root ? root : Path.Combine(root, dir);
        var calls = (ModuleCalls?)null;
        try
        {
            foreach (var entry in Entries(path))
            {
                if (entry.IsDirectory)
                {
                    if (!entry.IsLink && entry.Name is not (".git" or ".terraform"))
                    {
                        below.Add(dir == RepoPath.Root ? entry.Name : dir + "/" + entry.Name);
                    }
                }
                else
                {
                    calls = Merge(calls, TerraformFileReader.Read(root, Path.Combine(path, entry.Name), entry.Length, entry.IsLink));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A directory that cannot be listed holds nothing IaCBot could plan either.
        }

        if (calls is not null)
        {
            byDir[dir] = calls;
        }
    }

    /// <summary>The subdirectories and terraform files of one directory; no other file costs a system call.</summary>
    private static FileSystemEnumerable<Entry> Entries(string path) =>
        new(path, (ref entry) => Entry.Of(ref entry), OneDirectory)
        {
            ShouldIncludePredicate = (ref entry) => entry.IsDirectory || TerraformFiles.IsConfiguration(entry.FileName),
        };

    private static ModuleCalls Merge(ModuleCalls? a, ModuleCalls b) =>
        a is null || ReferenceEquals(a, ModuleCalls.None) ? b
        : ReferenceEquals(b, ModuleCalls.None) ? a
        : new ModuleCalls([.. a.Sources, .. b.Sources], a.DeclaresBackend || b.DeclaresBackend);

    private readonly record struct Entry(string Name, bool IsDirectory, bool IsLink, long Length)
    {
        public static Entry Of(ref FileSystemEntry entry)
        {
            var link = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            return new Entry(entry.FileName.ToString(), entry.IsDirectory, link, entry.IsDirectory ? 0 : entry.Length);
        }
    }
}
