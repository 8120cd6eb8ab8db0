using IaCBot.Core.Vcs;

namespace IaCBot.Core.Outbox;

/// <summary>Writes to the Git host not yet done, in the order they were made.</summary>
public interface IOutboxStore
{
    /// <summary>Stores the message and gives it the next sequence number.</summary>
    Task<OutboxMessage> AddAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Messages not yet delivered and not given up, oldest first; all PRs, or one.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(PullRequestRef? pull, CancellationToken cancellationToken);

    Task UpdateAsync(OutboxMessage message, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);
}
