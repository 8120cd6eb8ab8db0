using IaCBot.Infrastructure.Storage.Postgres;
using IaCBot.Tests.Postgres;
using Npgsql;

namespace IaCBot.Infrastructure.Tests.Storage.Postgres;

[Collection(SharedPostgres.Name)]
public sealed class PostgresMigrationsTests(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly string _name = $"iacbot_test_{Guid.NewGuid():N}";
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await cluster.CreateDatabaseAsync(_name);

    public Task DisposeAsync() => cluster.DropDatabaseAsync(_name);

    [Fact]
    public async Task Replicas_starting_together_apply_the_schema_once_and_a_restart_changes_nothing()
    {
        var replicas = Enumerable.Range(0, 5).Select(_ => new PostgresDatabase(_connectionString)).ToList();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.MigrateAsync(CancellationToken.None))));
        await using (var restarted = new PostgresDatabase(_connectionString))
        {
            await restarted.MigrateAsync(CancellationToken.None);
        }

        Assert.Equal(Enumerable.Range(1, PostgresMigrations.LatestVersion), await VersionsAsync());
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_up_naming_the_server_but_not_the_password()
    {
        var wrong = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "no_such_database", Password = "hunter2-secret" }.ConnectionString;
        await using var database = new PostgresDatabase(wrong);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => new PostgresStartup(database, wrong).StartAsync(CancellationToken.None));

        Assert.Contains("/no_such_database", failure.Message);
        Assert.Contains("does not exist", failure.Message);
        Assert.DoesNotContain("hunter2-secret", failure.Message);
    }

    private async Task<List<int>> VersionsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM iacbot.schema_version ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
