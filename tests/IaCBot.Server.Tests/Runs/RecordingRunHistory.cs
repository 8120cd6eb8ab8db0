using System.Threading.Channels;
using IaCBot.Core.RunHistory;

namespace IaCBot.Server.Tests.Runs;

/// <summary>A run history that only hands each clean-up's cutoff to the test, failing the first ones when told to.</summary>
internal sealed class RecordingRunHistory(int deletedEachTime, int failuresFirst = 0) : IRunHistory
{
    private readonly Channel<DateTimeOffset> _cutoffs = Channel.CreateUnbounded<DateTimeOffset>();
    private int _failuresLeft = failuresFirst;

    /// <summary>The next clean-up's cutoff, with a deadline so a clean-up that never comes fails the test.</summary>
    public async Task<DateTimeOffset> NextCutoffAsync() =>
        await _cutoffs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        _cutoffs.Writer.TryWrite(cutoff);
        return Interlocked.Decrement(ref _failuresLeft) >= 0
            ? Task.FromException<int>(new IOException("the database is down"))
            : Task.FromResult(deletedEachTime);
    }

    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult<RunRecord?>(null);

    public Task<IReadOnlyList<RunRecord>> ListAsync(RunQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>([]);
}
