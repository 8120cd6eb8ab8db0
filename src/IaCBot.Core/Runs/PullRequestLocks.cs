using IaCBot.Core.Concurrency;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>
/// Lets one command at a time work on a PR: its checkouts, plans and locks are shared by all its commands, so a
/// second command waits for the first to finish. The order in which waiting commands go is kept by
/// <see cref="Ordering.PullRequestTurns"/>, before a job gets here.
/// </summary>
public sealed class PullRequestLocks
{
    private readonly KeyedLock _locks = new();

    public Task<IDisposable> AcquireAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        _locks.AcquireAsync(pull.ToString(), cancellationToken);
}
