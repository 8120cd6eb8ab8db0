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
        // Asked of A; the shared queue hands the job to whichever replica's worker asks first.
        var (job, ranUnder, apply) = await InterruptedApiApply.StartOnAnyAsync(a, DataDir, DataDirB);
        var (running, survivor, survivorDir) = ranUnder == DataDir ? (a, b, DataDirB) : (b, a, DataDir);

        running.Kill();
        await TerraformStarts.GoneAsync(apply.Pid);

        await InterruptedApiApply.AssertDealtWithAsync(survivor, job);
        Assert.DoesNotContain(await TerraformStarts.AllAsync(survivorDir), r => r.Command == "apply");
    }
}
