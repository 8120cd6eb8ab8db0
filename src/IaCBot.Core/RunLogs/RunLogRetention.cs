namespace IaCBot.Core.RunLogs;

/// <summary>
/// Deletes runs' logs once they are older than <c>server:log_retention</c>. Goes by each file's last write, so a log
/// still being written is never deleted, then removes the folders left empty.
/// </summary>
public static class RunLogRetention
{
    /// <returns>How many log files were deleted.</returns>
    public static int DeleteOlderThan(string logsDirectory, DateTimeOffset cutoff)
    {
        if (!Directory.Exists(logsDirectory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(logsDirectory, "*", SearchOption.AllDirectories))
        {
            if (TryDelete(file, cutoff))
            {
                deleted++;
            }
        }

        var folders = Directory.EnumerateDirectories(logsDirectory, "*", SearchOption.AllDirectories)
            .OrderByDescending(folder => folder.Length);
        foreach (var folder in folders)
        {
            TryRemoveEmpty(folder);
        }

        return deleted;
    }

    private static bool TryDelete(string file, DateTimeOffset cutoff)
    {
        try
        {
            if (File.GetLastWriteTimeUtc(file) >= cutoff.UtcDateTime)
            {
                return false;
            }

            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone already, or not ours to delete: the next clean-up tries again.
            return false;
        }
    }

    private static void TryRemoveEmpty(string folder)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A run started writing into it meanwhile.
        }
    }
}
