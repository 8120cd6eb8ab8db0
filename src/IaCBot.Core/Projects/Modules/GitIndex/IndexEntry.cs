namespace IaCBot.Core.Projects.Modules.GitIndex;

/// <summary>One configuration file the git index tracks, with the stat data git recorded when it last saw the file.</summary>
/// <param name="Path">Repo-relative, <c>/</c>-separated.</param>
/// <param name="IsLink">A symbolic link (mode 120000): its blob is the link's target, not a file's content.</param>
/// <param name="Size">The file's size, truncated to 32 bits as git stores it.</param>
/// <param name="ModifiedTicks">The file's mtime in <see cref="DateTime"/> ticks (UTC): git keeps nanoseconds, .NET 100 ns.</param>
/// <param name="BlobId">The SHA-1 of the blob, upper-case hex as <see cref="GitBlob.Id"/> gives it.</param>
internal sealed record IndexEntry(string Path, bool IsLink, uint Size, long ModifiedTicks, string BlobId)
{
    public bool IsJson => Path.EndsWith(".json", StringComparison.Ordinal);
}
