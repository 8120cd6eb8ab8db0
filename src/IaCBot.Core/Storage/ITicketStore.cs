using IaCBot.Core.Vcs;

namespace IaCBot.Core.Storage;

/// <summary>
/// Per-PR tickets, handed out as deliveries arrive, so that a PR's commands run in the order they were sent. A
/// ticket is open from intake until its job ends or is known to be gone; closed tickets are forgotten, the
/// PR's counter is kept.
/// </summary>
public interface ITicketStore
{
    /// <summary>Records the PR's next ticket as open and returns its number. Racing deliveries get distinct, rising numbers.</summary>
    Task<long> IssueAsync(PullRequestRef pull, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="IssueAsync"/> for each PR of the list, in its order, with one commit: a PR named twice gets two
    /// rising numbers. The result holds the numbers in the list's order.
    /// </summary>
    Task<IReadOnlyList<long>> IssueAllAsync(IReadOnlyList<PullRequestRef> pulls, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks an open ticket as taken by a job of server run <paramref name="runId"/>; false when it is not open.</summary>
    Task<bool> ClaimAsync(PullRequestRef pull, long ticket, string runId, CancellationToken cancellationToken);

    /// <summary>Marks a claimed ticket as waiting for its job again, for a job the queue will hand out again.</summary>
    Task UnclaimAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken);

    /// <summary>Forgets a ticket: its job finished, or is gone for good. Closing a closed ticket does nothing.</summary>
    Task CloseAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken);

    /// <summary>The PR's open tickets numbered below <paramref name="ticket"/>, lowest first.</summary>
    Task<IReadOnlyList<PullRequestTicket>> OpenBeforeAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken);
}
