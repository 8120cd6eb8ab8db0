using System.Net;
using IaCBot.Server.Tests.Harness;
using IaCBot.Tests.Postgres;
using Npgsql;

namespace IaCBot.Server.Tests.Replicas;

/// <summary>
/// Tests with real <c>iacbot</c> processes as replicas: each with its own data_dir (the first uses the test's
/// <see cref="ServerTest.DataDir"/>, the second <see cref="DataDirB"/>), sharing a PostgreSQL database of the test's
/// own and one GitHub. Every replica started is stopped and the database dropped when the test ends.
/// </summary>
public abstract class ReplicaTest(PostgresCluster cluster, string name) : ServerTest
{
    private readonly string _database = $"iacbot_{name}_{Guid.NewGuid():N}";
    private readonly List<ServerProcess> _servers = [];

    protected string DataDirB { get; } = Directory.CreateTempSubdirectory("iacbot-replica-b-").FullName;

    protected string ConnectionString { get; private set; } = "";

    public override async Task InitializeAsync() => ConnectionString = await cluster.CreateDatabaseAsync(_database);

    public override async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await base.DisposeAsync();
        Directory.Delete(DataDirB, recursive: true);
        NpgsqlConnection.ClearAllPools();
        await cluster.DropDatabaseAsync(_database);
    }

    private protected async Task<ServerProcess> StartAsync(string dataDir)
    {
        var server = await ServerProcess.StartAsync(GitHub, dataDir, postgres: ConnectionString);
        _servers.Add(server);
        return server;
    }

    protected static async Task AcceptedAsync(Task<HttpResponseMessage> delivery) =>
        Assert.Equal(HttpStatusCode.Accepted, (await delivery).StatusCode);
}
