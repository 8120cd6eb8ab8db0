using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Doubles;

internal sealed class InMemoryTicketStore : ITicketStore
{
    private readonly Dictionary<PullRequestRef, long> _last = [];
    private readonly Dictionary<(PullRequestRef, long), PullRequestTicket> _open = [];

    public PullRequestTicket? Find(PullRequestRef pull, long ticket)
    {
        lock (_open)
        {
            return _open.GetValueOrDefault((pull, ticket));
        }
    }

    public Task<long> IssueAsync(PullRequestRef pull, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_open)
        {
            var number = _last[pull] = _last.GetValueOrDefault(pull) + 1;
            _open[(pull, number)] = new PullRequestTicket(pull, number, now, null);
            return Task.FromResult(number);
        }
    }

    public async Task<IReadOnlyList<long>> IssueAllAsync(IReadOnlyList<PullRequestRef> pulls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var numbers = new List<long>();
        foreach (var pull in pulls)
        {
            numbers.Add(await IssueAsync(pull, now, cancellationToken));
        }

        return numbers;
    }

    public Task<bool> ClaimAsync(PullRequestRef pull, long ticket, string runId, CancellationToken cancellationToken) =>
        Task.FromResult(SetClaim(pull, ticket, runId));

    public Task UnclaimAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        SetClaim(pull, ticket, null);
        return Task.CompletedTask;
    }

    public Task CloseAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        lock (_open)
        {
            _open.Remove((pull, ticket));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<PullRequestTicket>> OpenBeforeAsync(PullRequestRef pull, long ticket, CancellationToken cancellationToken)
    {
        lock (_open)
        {
            return Task.FromResult<IReadOnlyList<PullRequestTicket>>(
                _open.Values.Where(t => t.Pull == pull && t.Number < ticket).OrderBy(t => t.Number).ToList());
        }
    }

    private bool SetClaim(PullRequestRef pull, long ticket, string? runId)
    {
        lock (_open)
        {
            if (!_open.TryGetValue((pull, ticket), out var open))
            {
                return false;
            }

            _open[(pull, ticket)] = open with { ClaimedBy = runId };
            return true;
        }
    }
}
