using IaCBot.Core.RunHistory;

namespace IaCBot.Server.Tests.Runs;

/// <summary>A run history that only hands each clean-up's cutoff to the test.</summary>
internal sealed class RecordingRunHistory(RecordedCutoffs cutoffs) : IRunHistory
{
    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        cutoffs.DeleteBeforeAsync(cutoff);

    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult<RunRecord?>(null);

    public Task<IReadOnlyList<RunRecord>> ListAsync(RunQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>([]);
}
