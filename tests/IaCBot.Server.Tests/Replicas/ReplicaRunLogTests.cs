using IaCBot.Server.Tests.Api;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;
using IaCBot.Tests.Postgres;

namespace IaCBot.Server.Tests.Replicas;

/// <summary>
/// A run's log is written on the disk of the replica that runs it; the other replica, which the load balancer may send
/// the reader to, shows it from the copy stored as the run ended, and while it runs says where it is going on.
/// Either replica may take a queued job, so each test first finds which one ran it.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class ReplicaRunLogTests(PostgresCluster cluster) : ReplicaTest(cluster, "replica_logs")
{

    [Fact]
    public async Task A_run_made_on_one_replica_shows_its_plan_output_through_the_other_replica_s_api_run_page_and_log_link()
    {
        var (a, b) = (await StartAsync(DataDir), await StartAsync(DataDirB));
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });
        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        await CommentContainingAsync(pr, "Ran plan");
        var (runner, reader, readerDir) = TerraformCalls.Under(DataDir).Any(r => r.Command == "plan") ? (a, b, DataDirB) : (b, a, DataDir);

        var run = await new AdminApiClient(reader.Client, ServerProcess.ApiSecret).EndedRunAsync(r => r["pull"]!.GetValue<int>() == 1);

        Assert.Contains($"(process {runner.Id})", run["replica"]!.GetValue<string>(), StringComparison.Ordinal);
        var project = Assert.Single(run["projects"]!.AsArray())!;
        var logPath = project["log"]!.GetValue<string>();
        Assert.False(File.Exists(Path.Combine(readerDir, logPath)), "the reader has no file of the run");
        Assert.Contains("1 to add, 0 to change, 0 to destroy", project["output"]!.GetValue<string>(), StringComparison.Ordinal);
        var page = await reader.Client.GetStringAsync($"/runs/{run["id"]!.GetValue<string>()}");
        Assert.Contains("1 to add, 0 to change, 0 to destroy", page, StringComparison.Ordinal);
        var whole = await reader.Client.GetStringAsync("/runs/" + logPath["logs/".Length..]);
        Assert.Contains("1 to add, 0 to change, 0 to destroy", whole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_still_going_on_one_replica_is_shown_on_the_other_as_going_on_there_and_its_log_follows_when_it_ends()
    {
        var (a, b) = (await StartAsync(DataDir), await StartAsync(DataDirB));
        using var plan = new TerraformGate(DataDir, "plan");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = plan.Knob + NullResource("app") });
        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        var (runner, reader) = await PlanningReplicaAsync(a, b);
        var api = new AdminApiClient(reader.Client, ServerProcess.ApiSecret);
        var id = (await api.GetJsonAsync("/api/runs")).AsArray().Single()!["id"]!.GetValue<string>();

        var page = await reader.Client.GetStringAsync($"/runs/{id}");
        plan.Release();
        var stream = await reader.Client.GetStringAsync($"/runs/{id}/log");

        Assert.Contains($"This run is going on on replica {Environment.MachineName} (process {runner.Id})", page, StringComparison.Ordinal);
        Assert.Contains("1 to add, 0 to change, 0 to destroy", stream, StringComparison.Ordinal);
        Assert.EndsWith("event: end\ndata: \n\n", stream, StringComparison.Ordinal);
        Assert.Equal("succeeded", (await api.GetJsonAsync($"/api/runs/{id}"))["outcome"]!.GetValue<string>());
    }

    /// <summary>Whichever replica took the job, once its terraform plan has started, and the other one.</summary>
    private static async Task<(ServerProcess Runner, ServerProcess Reader)> PlanningReplicaAsync(ServerProcess a, ServerProcess b)
    {
        var (dirA, dirB) = (a.DataDir, b.DataDir);
        var ranOnA = await DeadlineWait.UntilAsync(
            () => new[] { dirA, dirB }.Where(d => TerraformCalls.Under(d).Any(r => r.Command == "plan")).Select(d => d == dirA).ToList(),
            _ => true, TimeSpan.FromSeconds(60), _ => "no replica started terraform plan");
        return ranOnA ? (a, b) : (b, a);
    }
}
