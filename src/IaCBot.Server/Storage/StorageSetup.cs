using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using IaCBot.Infrastructure;
using IaCBot.Infrastructure.Storage.Postgres;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Storage;

/// <summary>
/// Where state lives, by <c>storage:provider</c>: LiteDB and SQLite files under data_dir (one process), or one
/// PostgreSQL database that several replicas share, the stores in schema <c>iacbot</c> and Hangfire's queue in
/// schema <c>hangfire</c>.
/// </summary>
internal static class StorageSetup
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        if (StorageOptions.IsPostgresProvider(builder.Configuration["storage:provider"]))
        {
            builder.Services.AddPostgresStorage(ConnectionString);
        }
        else
        {
            builder.Services.AddLiteDbStorage(sp =>
                Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<ServerOptions>>().Value.DataDir), "iacbot.db"));
        }

        return builder;
    }

    /// <summary>The queue on PostgreSQL; null in the embedded mode.</summary>
    public static JobStorage? PostgresQueue(IServiceProvider services, TimeSpan pollInterval, TimeSpan invisibilityTimeout)
    {
        if (!services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            return null;
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = pollInterval,
            InvisibilityTimeout = invisibilityTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(PostgresConnectionString.Tuned(ConnectionString(services)), options), options);
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString
        ?? throw new InvalidOperationException("storage:connection_string is required with storage:provider postgres.");
}
