using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// Brings the schema up to date as the server starts, before the job workers run (it is registered before them), so
/// that an unreachable database or a missing right stops start-up with a message that names the server, never the
/// connection string's password.
/// </summary>
internal sealed class PostgresStartup(PostgresDatabase database, string connectionString) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            throw new StorageUnavailableException($"storage:connection_string: the PostgreSQL database {Describe(connectionString)} cannot be used: {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><c>host:port/database</c>, from the parts of the connection string that are no secret.</summary>
    public static string Describe(string connectionString)
    {
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{parts.Host}:{parts.Port}/{parts.Database ?? parts.Username}";
    }
}
