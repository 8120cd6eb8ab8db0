using IaCBot.Core.Intake;
using IaCBot.Core.Storage;

namespace IaCBot.Core.Tests.Doubles;

/// <summary>
/// An in-memory journal whose first commit waits until the test opens its gate, as a slow disk would, so that the
/// deliveries arriving meanwhile have to share the next commit.
/// </summary>
internal sealed class GatedIntakeJournal : IIntakeJournal
{
    private readonly Lock _gate = new();
    private readonly List<JournaledDelivery> _entries = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long _next;

    /// <summary>Set when the first commit has begun (and holds its batch).</summary>
    public TaskCompletionSource FirstCommitBegun { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstCommit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<int> Commits { get; } = [];

    public IReadOnlyList<JournaledDelivery> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public async Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken)
    {
        bool first;
        lock (_gate)
        {
            first = Commits.Count == 0;
            Commits.Add(batch.Count);
        }

        if (first)
        {
            FirstCommitBegun.SetResult();
            await FirstCommit.Task;
        }

        lock (_gate)
        {
            return [.. batch.Select(e => _ids.Add(e.DeliveryId) && Add(e))];
        }
    }

    public Task<IReadOnlyList<JournaledDelivery>> PendingAsync(string owner, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JournaledDelivery>>(Entries.Take(max).ToList());

    public Task CompleteAsync(IReadOnlyList<JournaledDelivery> done, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries.RemoveAll(done.Contains);
        }

        return Task.CompletedTask;
    }

    private bool Add(IntakeEntry entry)
    {
        _entries.Add(new JournaledDelivery(++_next, entry));
        return true;
    }
}
