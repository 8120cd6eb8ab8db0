namespace IaCBot.Core.RunHistory;

/// <summary>Every run's record, for the web pages, the API and the audit trail. A save replaces the run's record.</summary>
public interface IRunHistory
{
    Task SaveAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> ListAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the runs that ended before <paramref name="cutoff"/> (<c>server:run_retention</c>), never one still
    /// running. A run marked interrupted without an end time counts from its start. Safe to run on several replicas
    /// at once: each run is deleted by one of them.
    /// </summary>
    /// <returns>How many runs this call deleted.</returns>
    Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
