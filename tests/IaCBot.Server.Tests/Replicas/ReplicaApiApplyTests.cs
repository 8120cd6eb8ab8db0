using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Recovery;
using IaCBot.Tests.Postgres;

namespace IaCBot.Server.Tests.Replicas;

/// <summary>An apply without a pull request on a replica that dies, dealt with by the replica still running.</summary>
[Collection(SharedPostgres.Name)]
public sealed class ReplicaApiApplyTests(PostgresCluster cluster) : ReplicaTest(cluster, "api_apply")
{
    [Fact]
    public async Task The_locks_of_an_api_apply_on_a_replica_killed_mid_apply_are_released_by_the_other_and_a_pull_requests_lock_is_kept()
    {
        GitHub.AddRepository(Owner, RepoName, Repo.CloneUrl, Repo.Resolve);
        Repo.Commit("main", InterruptedApiApply.MainFiles(NullResource("a"), NullResource("b")), "Add projects");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["db/main.tf"] = NullResource("c") });
        var (a, b) = (await StartAsync(DataDir), await StartAsync(DataDirB));
        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        await CommentContainingAsync(pr, "Ran plan");
        var job = await InterruptedApiApply.StartAsync(a);
        var apply = await TerraformStarts.NthAsync(DataDir, "apply", 1);

        a.Kill();
        await TerraformStarts.GoneAsync(apply.Pid);

        await InterruptedApiApply.AssertDealtWithAsync(b, job);
        Assert.DoesNotContain(await TerraformStarts.AllAsync(DataDirB), r => r.Command == "apply");
    }
}
