using IaCBot.Server.Tests.Harness;
using IaCBot.Tests.Postgres;
using Npgsql;

namespace IaCBot.Server.Tests.Storage;

/// <summary>The whole app with <c>storage:provider postgres</c>: state in the database, checkouts a per-replica cache.</summary>
[Collection(SharedPostgres.Name)]
public sealed class PostgresModeTests(PostgresCluster cluster) : ServerTest
{
    private readonly string _database = $"iacbot_app_{Guid.NewGuid():N}";
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _connectionString = await cluster.CreateDatabaseAsync(_database);
        TestSettings["storage:provider"] = "postgres";
        TestSettings["storage:connection_string"] = _connectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await cluster.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_plan_and_its_apply_keep_their_lock_plan_file_and_queue_in_postgresql_not_in_data_dir()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM iacbot.locks"));
        Assert.True((long)(await ScalarAsync("SELECT sum(length(plan_file)) FROM iacbot.plans"))! > 0);
        Assert.True((long)(await ScalarAsync("SELECT count(*) FROM hangfire.job"))! > 0);
        Assert.False(File.Exists(Path.Combine(DataDir, "iacbot.db")));
        Assert.False(File.Exists(Path.Combine(DataDir, "jobs.db")));

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("Apply complete!", reply.Body, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM iacbot.plans"));
    }

    [Fact]
    public async Task A_plan_made_on_one_replica_is_applied_by_another_that_never_had_the_clone()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        var otherDataDir = Directory.CreateTempSubdirectory("iacbot-replica-").FullName;
        try
        {
            await using var replicaB = new IaCBotApp(GitHub, otherDataDir, Replica(otherDataDir));
            _ = replicaB.Client;
            await App.DisposeAsync();

            var response = await replicaB.DeliverAsync("issue_comment", Fakes.GitHubWebhooks.IssueComment(pr, Author, "iacbot apply"));
            response.EnsureSuccessStatusCode();

            var reply = await CommentContainingAsync(pr, "Ran apply");
            Assert.Contains("Apply complete!", reply.Body, StringComparison.Ordinal);
            Assert.Single(TerraformCalls.Under(otherDataDir), r => r.Command == "apply");
            Assert.DoesNotContain(TerraformCalls.Under(otherDataDir), r => r.Command == "plan");
        }
        finally
        {
            Directory.Delete(otherDataDir, recursive: true);
        }
    }

    private Dictionary<string, string?> Replica(string dataDir) => new(TestSettings)
    {
        ["server:data_dir"] = dataDir,
    };

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
