using IaCBot.Core.Outbox;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Doubles;

internal sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Dictionary<string, OutboxMessage> _messages = [];
    private long _sequence;

    public IReadOnlyList<OutboxMessage> All
    {
        get
        {
            lock (_messages)
            {
                return _messages.Values.OrderBy(m => m.Sequence).ToList();
            }
        }
    }

    public Task<OutboxMessage> AddAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            var stored = message with { Sequence = ++_sequence };
            _messages[stored.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(PullRequestRef? pull, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(_messages.Values
                .Where(m => !m.GaveUp && (pull is null || m.Pull == pull))
                .OrderBy(m => m.Sequence)
                .ToList());
        }
    }

    public Task UpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            _messages[message.Id] = message;
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            _messages.Remove(id);
        }

        return Task.CompletedTask;
    }
}
