namespace IaCBot.Core.RunLogs;

/// <summary>
/// Finished runs' logs kept in the store, so that every replica can show a run's output and not only the one whose
/// disk holds the file. Keyed by the log's path relative to data_dir, as run records and reply links name it.
/// </summary>
public interface IRunLogStore
{
    /// <summary>Keeps <paramref name="log"/>, replacing one kept before under the same path.</summary>
    Task SaveAsync(StoredRunLog log, CancellationToken cancellationToken);

    Task<StoredRunLog?> GetAsync(string path, CancellationToken cancellationToken);

    /// <summary>Deletes the logs kept before <paramref name="cutoff"/> (<c>server:log_retention</c>).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
