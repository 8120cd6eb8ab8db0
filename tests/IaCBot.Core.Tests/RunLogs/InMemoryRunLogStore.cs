using System.Collections.Concurrent;
using IaCBot.Core.RunLogs;

namespace IaCBot.Core.Tests.RunLogs;

/// <summary>The store's promise kept in a dictionary; the providers' own tests are in IaCBot.Infrastructure.Tests.</summary>
internal sealed class InMemoryRunLogStore : IRunLogStore
{
    private readonly ConcurrentDictionary<string, StoredRunLog> _logs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<StoredRunLog> Logs => [.. _logs.Values];

    public Task SaveAsync(StoredRunLog log, CancellationToken cancellationToken)
    {
        _logs[log.Path] = log;
        return Task.CompletedTask;
    }

    public Task<StoredRunLog?> GetAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult(_logs.GetValueOrDefault(path));

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var old = _logs.Values.Where(l => l.SavedAt < cutoff).ToList();
        return Task.FromResult(old.Count(l => _logs.TryRemove(l.Path, out _)));
    }
}
