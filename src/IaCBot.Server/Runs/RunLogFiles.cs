using IaCBot.Core.RunLogs;

namespace IaCBot.Server.Runs;

/// <summary>
/// Reads runs' log files for the API and the web pages. A path comes from a run record or a URL; only files under
/// data_dir/logs are ever opened, whatever the path says. A log that is not on this replica's disk is read from the
/// copy the replica that ran it stored when the run ended (<see cref="RunLogArchive"/>).
/// </summary>
internal sealed class RunLogFiles(RunLogSettings settings, RunLogArchive archive)
{
    /// <summary>How much of a log's end the API and the run page show; the raw file link has it all.</summary>
    public const int ShownChars = 1024 * 1024;

    /// <param name="relativePath">Relative to data_dir, as run records keep it (<c>logs/...</c>).</param>
    public string? Resolve(string? relativePath)
    {
        if (string.IsNullOrEmpty(relativePath))
        {
            return null;
        }

        var root = Path.GetFullPath(settings.LogsDirectory) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(settings.PathOf(relativePath));
        return full.StartsWith(root, StringComparison.Ordinal) && full.EndsWith(".log", StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The end of the log (at most <paramref name="maxChars"/>), or null when there is none (yet, or any more).</summary>
    public async Task<string?> ReadEndAsync(string? relativePath, CancellationToken cancellationToken, int maxChars = ShownChars)
    {
        if (Resolve(relativePath) is not { } path)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            return await ReadStoredAsync(relativePath!, cancellationToken) is { } stored
                ? stored[Math.Max(0, stored.Length - maxChars)..]
                : null;
        }

        await using var stream = Open(path);
        if (stream.Length > maxChars)
        {
            stream.Seek(-maxChars, SeekOrigin.End);
        }

        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The copy kept in the store when the run ended, or null when none was (the run goes on, or the log is gone).</summary>
    public Task<string?> ReadStoredAsync(string relativePath, CancellationToken cancellationToken) =>
        archive.ReadAsync(relativePath, cancellationToken);

    /// <summary>Opened so that the run writing it goes on writing.</summary>
    public static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
}
