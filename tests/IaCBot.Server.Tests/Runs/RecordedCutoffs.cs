using System.Threading.Channels;

namespace IaCBot.Server.Tests.Runs;

/// <summary>Hands each clean-up's cutoff to the test and answers how many records went, failing the first ones when told to.</summary>
internal sealed class RecordedCutoffs(int deletedEachTime, int failuresFirst = 0)
{
    private readonly Channel<DateTimeOffset> _cutoffs = Channel.CreateUnbounded<DateTimeOffset>();
    private int _failuresLeft = failuresFirst;

    /// <summary>The next clean-up's cutoff, with a deadline so a clean-up that never comes fails the test.</summary>
    public async Task<DateTimeOffset> NextAsync() =>
        await _cutoffs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff)
    {
        _cutoffs.Writer.TryWrite(cutoff);
        return Interlocked.Decrement(ref _failuresLeft) >= 0
            ? Task.FromException<int>(new IOException("the database is down"))
            : Task.FromResult(deletedEachTime);
    }
}
