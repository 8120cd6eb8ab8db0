namespace IaCBot.Core.Projects.Modules.GitIndex;

/// <summary>One tracked configuration file as the work tree has it: from the cache when git's stat data vouches for it.</summary>
internal static class WorkTreeFile
{
    /// <summary>
    /// The file's module calls, or null when the work tree no longer has it as a file (the walk would not see it either);
    /// <c>Read</c> says whether its bytes were read.
    /// </summary>
    public static (ModuleCalls? Calls, bool Read) Calls(string root, IndexEntry entry, long indexWrittenTicks, ModuleCallsCache cache)
    {
        var path = Path.Combine(root, entry.Path);
        var info = new FileInfo(path);
        var isLink = info.Exists && (info.Attributes & FileAttributes.ReparsePoint) != 0;
        if (entry.IsLink || isLink)
        {
            return (Linked(root, path, info), true);
        }

        if (!info.Exists)
        {
            return (null, false);
        }

        var unchanged = (uint)info.Length == entry.Size
            && info.LastWriteTimeUtc.Ticks == entry.ModifiedTicks
            && entry.ModifiedTicks < indexWrittenTicks;
        if (unchanged && cache.TryGet(entry.BlobId, entry.IsJson, out var cached))
        {
            return (cached, false);
        }

        var (calls, blobId) = TerraformFileReader.ReadTracked(path);
        if (blobId == entry.BlobId)
        {
            cache.Add(entry.BlobId, entry.IsJson, calls);
        }

        return (calls, true);
    }

    /// <summary>
    /// A link is read through <see cref="TerraformFileReader"/>'s rules for links and never cached: its blob is the
    /// link's target path, not the content read. A link to a directory is skipped, as the walk skips it.
    /// </summary>
    private static ModuleCalls? Linked(string root, string path, FileInfo info)
    {
        if (info.LinkTarget is null && !info.Exists)
        {
            return null;
        }

        return Directory.Exists(path) ? null : TerraformFileReader.Read(root, path, info.Exists ? info.Length : 0, isLink: info.LinkTarget is not null);
    }
}
