namespace IaCBot.Core.RunLogs;

/// <summary>One log file of a finished run, as the store keeps it.</summary>
/// <param name="Path">The file's path relative to data_dir (<c>logs/...</c>, forward slashes).</param>
/// <param name="RunId">The run (job) it belongs to.</param>
/// <param name="SavedAt">When the run ended and the log was kept; retention goes by it.</param>
/// <param name="Gzip">The text, UTF-8 and gzip-compressed, at most <see cref="RunLogArchive.MaxKeptBytes"/> before compression.</param>
public sealed record StoredRunLog(string Path, string RunId, DateTimeOffset SavedAt, byte[] Gzip);
