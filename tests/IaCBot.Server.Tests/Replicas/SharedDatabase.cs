using System.Diagnostics;
using Npgsql;

namespace IaCBot.Server.Tests.Replicas;

/// <summary>
/// The database the replicas share, read as an operator would with psql: to know when every queued job has ended and
/// every reply has left the outbox, after which no replica can post anything more.
/// </summary>
internal sealed class SharedDatabase(string connectionString)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The pull request numbers that hold a lock, one per lock.</summary>
    public async Task<IReadOnlyList<int>> LockHoldersAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT number FROM iacbot.locks ORDER BY number", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var numbers = new List<int>();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return numbers;
    }

    /// <summary>
    /// Waits until <paramref name="runs"/> runs are recorded, none is still running and the outbox is empty (a sent
    /// message leaves it; one given up on stays, and fails the wait). The cap bounds the wait, it times nothing.
    /// </summary>
    public async Task WaitUntilSettledAsync(int runs, TimeSpan cap)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ended = await CountAsync("SELECT count(*) FROM iacbot.runs WHERE NOT running");
            var running = await CountAsync("SELECT count(*) FROM iacbot.runs WHERE running");
            var outbox = await CountAsync("SELECT count(*) FROM iacbot.outbox");
            if (ended == runs && running == 0 && outbox == 0)
            {
                return;
            }

            if (clock.Elapsed >= cap)
            {
                throw new TimeoutException(
                    $"Not settled within {cap.TotalSeconds:0} s: {ended} of {runs} runs ended, {running} running, {outbox} messages in the outbox.");
            }

            await Task.Delay(PollInterval);
        }
    }
}
