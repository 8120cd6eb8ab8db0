using System.Net;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Recovery;

/// <summary>The real server stopped with SIGTERM, as systemd, Docker or Kubernetes stop it, while terraform runs.</summary>
public sealed class GracefulShutdownTests : ServerTest
{
    private const string Draining = "no new jobs are taken";

    [Fact]
    public async Task A_stop_lets_a_running_plan_finish_and_keeps_queueing_webhooks_for_the_next_start()
    {
        using var plan = new TerraformGate(DataDir, "plan");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = plan.Knob + NullResource("a") });
        var other = OpenPullRequest(2, new Dictionary<string, string?> { ["db/main.tf"] = NullResource("b") });
        await using (var stopping = await ServerProcess.StartAsync(GitHub, DataDir, shutdownGrace: "60s"))
        {
            await AcceptedAsync(stopping.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
            await TerraformStarts.NthAsync(DataDir, "plan", 1);

            stopping.Terminate();
            await stopping.WaitForOutputAsync(Draining);
            await AcceptedAsync(stopping.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", other, other.Author)));
            plan.Release();

            Assert.Equal(0, await stopping.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        }

        Assert.Contains(GitHub.Comments(Owner, RepoName, 1), c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.Equal("success", GitHub.Statuses(Owner, RepoName, pr.HeadSha).Last(s => s.Context == StatusContexts.Plan).State);
        Assert.Empty(GitHub.Comments(Owner, RepoName, 2));

        await using var restarted = await ServerProcess.StartAsync(GitHub, DataDir);

        await CommentContainingAsync(other, "Ran plan");
        Assert.DoesNotContain(GitHub.Comments(Owner, RepoName, 1), c => c.Body.Contains("was stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_that_outlasts_the_grace_is_interrupted_and_planned_again_at_the_next_start()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = "# fake-terraform: sleep plan 30\n" + NullResource("a") });
        await using (var stopping = await ServerProcess.StartAsync(GitHub, DataDir, shutdownGrace: "1s"))
        {
            await AcceptedAsync(stopping.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
            var plan = await TerraformStarts.NthAsync(DataDir, "plan", 1);

            stopping.Terminate();

            Assert.Equal(0, await stopping.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.False(ServerProcess.IsRunning(plan.Pid));
            Assert.Contains("the next start reports it", stopping.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(GitHub.Comments(Owner, RepoName, 1), c => c.Body.Contains("Ran plan", StringComparison.Ordinal));

        await using var restarted = await ServerProcess.StartAsync(GitHub, DataDir);

        await CommentContainingAsync(pr, "IaCBot was stopped while it was planning this pull request");
        await StatusAsync(pr, StatusContexts.Plan, "error");
        await TerraformStarts.NthAsync(DataDir, "plan", 2);
        await restarted.WaitForOutputAsync("ran to its end before; not run again");
    }

    private static async Task AcceptedAsync(Task<HttpResponseMessage> delivery) =>
        Assert.Equal(HttpStatusCode.Accepted, (await delivery).StatusCode);
}
