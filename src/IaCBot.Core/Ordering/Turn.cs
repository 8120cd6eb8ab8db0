using IaCBot.Core.Vcs;

namespace IaCBot.Core.Ordering;

/// <summary>A command's turn on its PR: disposing it closes its ticket, and the next command goes.</summary>
public sealed class Turn : IAsyncDisposable
{
    private readonly PullRequestTurns _turns;
    private int _closed;

    internal Turn(PullRequestTurns turns, PullRequestRef pull, long ticket)
    {
        _turns = turns;
        Pull = pull;
        Ticket = ticket;
    }

    public PullRequestRef Pull { get; }

    public long Ticket { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            await _turns.CloseAsync(Pull, Ticket, CancellationToken.None);
        }
    }
}
