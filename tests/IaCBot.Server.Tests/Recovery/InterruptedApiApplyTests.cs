using System.Net;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Recovery;

/// <summary>An apply without a pull request that a crash cut short, found as the server starts again.</summary>
public sealed class InterruptedApiApplyTests : ServerTest
{
    [Fact]
    public async Task The_locks_of_an_api_apply_cut_short_by_a_crash_are_released_at_the_restart_and_a_pull_requests_lock_is_kept()
    {
        GitHub.AddRepository(Owner, RepoName, Repo.CloneUrl, Repo.Resolve);
        Repo.Commit("main", InterruptedApiApply.MainFiles(NullResource("a"), NullResource("b")), "Add projects");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["db/main.tf"] = NullResource("c") });
        string job;
        await using (var crashed = await ServerProcess.StartAsync(GitHub, DataDir))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await crashed.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author))).StatusCode);
            await CommentContainingAsync(pr, "Ran plan");
            job = await InterruptedApiApply.StartAsync(crashed);
            var apply = await TerraformStarts.NthAsync(DataDir, "apply", 1);
            crashed.Kill();
            await TerraformStarts.GoneAsync(apply.Pid);
        }

        await using var restarted = await ServerProcess.StartAsync(GitHub, DataDir);

        await InterruptedApiApply.AssertDealtWithAsync(restarted, job);
        Assert.Single(await TerraformStarts.AllAsync(DataDir), r => r.Command == "apply");
    }
}
