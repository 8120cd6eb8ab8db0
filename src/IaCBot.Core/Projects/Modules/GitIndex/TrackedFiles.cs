namespace IaCBot.Core.Projects.Modules.GitIndex;

/// <summary>The configuration files a git index tracks, and when the index was written (for git's "racily clean" rule).</summary>
internal sealed record TrackedFiles(IReadOnlyList<IndexEntry> Configuration, long WrittenTicks);
