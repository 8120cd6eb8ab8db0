using System.Collections.Concurrent;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// Tells a live job owner (a server process) from a dead one without a heartbeat: each owner holds a session-level
/// advisory lock named by its id on a connection it keeps open. PostgreSQL releases the lock when that session ends,
/// whether the process stopped or crashed, so another replica that can take the lock knows the owner is gone.
/// </summary>
internal sealed class OwnerSessions(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, NpgsqlConnection> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Marks <paramref name="owner"/> alive for as long as this process (this database object) lives.</summary>
    public async Task HoldAsync(string owner, CancellationToken cancellationToken)
    {
        if (_held.ContainsKey(owner))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_held.ContainsKey(owner))
            {
                _held[owner] = await LockAsync(owner, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _held.Values)
        {
            // Let go now: a closed connection's backend ends a little later, and a pooled one is only reset when reused.
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", session);
                await unlock.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The session broke: its locks went with it.
            }

            await session.DisposeAsync();
        }

        _held.Clear();
        _gate.Dispose();
    }

    private async Task<NpgsqlConnection> LockAsync(string owner, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@owner, 0))", connection);
            command.Parameters.AddWithValue("owner", owner);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
