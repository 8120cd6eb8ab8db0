using System.IO.Enumeration;
using IaCBot.Core.Projects.Modules.GitIndex;
using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// What one look at a checkout found: every directory it entered, and for each directory holding terraform
/// configuration the module calls of its files. Built once per choice of projects (see <see cref="Checkout"/>) and
/// shared by discovery, the module graph and directory checks, so that nothing else lists or stats the tree again.
/// It is never kept beyond the choice: a file added to the checkout between two choices is seen by the second. Only
/// the module calls of files, keyed by their git blob id, outlive it (see <see cref="ModuleCallsCache"/>).
/// </summary>
/// <remarks>
/// A git work tree is read from its index (<see cref="TrackedCheckout"/>): its tracked files only, without listing a
/// directory. Anything else is walked. The walk skips <c>.git</c>, <c>.terraform</c> (where <c>terraform init</c>
/// copies modules: they are not the repository's) and symbolic links to directories, which could lead out of the
/// checkout or round in circles; the index gives the same, since git tracks no file below a link.
/// </remarks>
internal sealed class CheckoutIndex
{
    private const int MaxDepth = 64;

    // Below this many directories or files, handing them to other threads costs more than doing them here.
    private const int ParallelThreshold = 32;

    private static readonly EnumerationOptions OneDirectory = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    private readonly HashSet<string> directories;

    internal CheckoutIndex(HashSet<string> directories, Dictionary<string, ModuleCalls> terraform, int filesRead, bool fromGitIndex)
    {
        this.directories = directories;
        Terraform = terraform;
        FilesRead = filesRead;
        FromGitIndex = fromGitIndex;
    }

    /// <summary>Each directory holding a terraform or OpenTofu configuration file, with its files' module calls merged.</summary>
    public IReadOnlyDictionary<string, ModuleCalls> Terraform { get; }

    /// <summary>
    /// True when the walk entered <paramref name="dir"/>. False says only that it did not: a directory it skips (a
    /// link, <c>.git</c>, past the depth limit) may still exist.
    /// </summary>
    public bool Walked(string dir) => directories.Contains(dir);

    /// <summary>How many configuration files this index read from the checkout (the rest came from the cache).</summary>
    public int FilesRead { get; }

    /// <summary>True when built from the git index (see <see cref="TrackedCheckout"/>), false when walked.</summary>
    public bool FromGitIndex { get; }

    /// <summary>
    /// The checkout from its git index when it has a usable one, with files already parsed taken from
    /// <paramref name="cache"/> (by default the process's <see cref="ModuleCallsCache.Shared"/>); otherwise walked.
    /// </summary>
    public static CheckoutIndex Build(string repoRoot, ModuleCallsCache? cache = null)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoRoot));
        return TrackedCheckout.TryBuild(root, cache ?? ModuleCallsCache.Shared) ?? Walk(root);
    }

    /// <summary>Lists every directory and reads every configuration file of the checkout, tracked or not.</summary>
    internal static CheckoutIndex Walk(string repoRoot)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoRoot));
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var terraform = new Dictionary<string, ModuleCalls>(StringComparer.Ordinal);
        var filesRead = 0;
        if (!Directory.Exists(root))
        {
            return new CheckoutIndex(directories, terraform, filesRead, fromGitIndex: false);
        }

        // A few system calls per directory and file are the whole cost, so the walk goes level by level, each
        // directory of a level listed (and its files read) on whichever core is free, each into its own slot.
        string[] level = [RepoPath.Root];
        for (var depth = 0; level.Length > 0 && depth < MaxDepth; depth++)
        {
            var visits = Visit(root, level);
            var below = new List<string>();
            for (var i = 0; i < level.Length; i++)
            {
                directories.Add(level[i]);
                filesRead += visits[i].FilesRead;
                if (visits[i].Calls is { } calls)
                {
                    terraform[level[i]] = calls;
                }

                if (visits[i].Subdirectories is { } subdirectories)
                {
                    below.AddRange(subdirectories);
                }
            }

            level = [.. below];
        }

        return new CheckoutIndex(directories, terraform, filesRead, fromGitIndex: false);
    }

    /// <summary>
    /// Runs <paramref name="each"/> for 0 to <paramref name="count"/> - 1, on whichever core is free when there are
    /// enough: a few system calls per item are the whole cost of a look at a checkout.
    /// </summary>
    internal static void ForEach(int count, Action<int> each)
    {
        if (count < ParallelThreshold)
        {
            for (var i = 0; i < count; i++)
            {
                each(i);
            }
        }
        else
        {
            Parallel.For(0, count, each);
        }
    }

    private static DirectoryVisit[] Visit(string root, string[] level)
    {
        var visits = new DirectoryVisit[level.Length];
        ForEach(level.Length, i => visits[i] = DirectoryVisit.Of(root, level[i]));
        return visits;
    }

    private readonly record struct DirectoryVisit(List<string>? Subdirectories, ModuleCalls? Calls, int FilesRead)
    {
        public static DirectoryVisit Of(string root, string dir)
        {
            var path = dir == RepoPath.Root ? root : Path.Combine(root, dir);
            List<string>? subdirectories = null;
            ModuleCalls? calls = null;
            var files = 0;
            try
            {
                foreach (var entry in Entries(path))
                {
                    if (!entry.IsDirectory)
                    {
                        files++;
                        calls = ModuleCalls.Merge(calls, TerraformFileReader.Read(root, Path.Combine(path, entry.Name), entry.Length, entry.IsLink));
                    }
                    else if (!entry.IsLink && entry.Name is not (".git" or ".terraform"))
                    {
                        (subdirectories ??= []).Add(dir == RepoPath.Root ? entry.Name : dir + "/" + entry.Name);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A directory that cannot be listed holds nothing IaCBot could plan either.
            }

            return new DirectoryVisit(subdirectories, calls, files);
        }
    }

    /// <summary>The subdirectories and configuration files of one directory; no other file costs a system call.</summary>
    private static FileSystemEnumerable<Entry> Entries(string path) =>
        new(path, (ref entry) => Entry.Of(ref entry), OneDirectory)
        {
            ShouldIncludePredicate = (ref entry) => entry.IsDirectory || TerraformFiles.IsConfiguration(entry.FileName),
        };

    private readonly record struct Entry(string Name, bool IsDirectory, bool IsLink, long Length)
    {
        public static Entry Of(ref FileSystemEntry entry)
        {
            // One lstat gives both: whether the entry is a link, and a file's length.
            var link = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            return new Entry(entry.FileName.ToString(), entry.IsDirectory, link, entry.IsDirectory ? 0 : entry.Length);
        }
    }
}
