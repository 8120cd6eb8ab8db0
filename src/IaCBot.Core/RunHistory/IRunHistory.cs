namespace IaCBot.Core.RunHistory;

/// <summary>Every run's record, for the web pages, the API and the audit trail. A save replaces the run's record.</summary>
public interface IRunHistory
{
    Task SaveAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> ListAsync(RunQuery query, CancellationToken cancellationToken);
}
