using System.Net;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Recovery;

/// <summary>
/// The real server killed with SIGKILL while terraform runs, then started again on the same data_dir, as after a
/// crash, an OOM kill or a lost machine.
/// </summary>
public sealed class CrashRecoveryTests : ServerTest
{
    [Fact]
    public async Task A_plan_cut_short_by_a_crash_is_reported_after_the_restart_and_planned_again()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = "# fake-terraform: sleep plan 30\n" + NullResource("a") });
        await using (var crashed = await ServerProcess.StartAsync(GitHub, DataDir))
        {
            await AcceptedAsync(crashed.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
            var plan = await TerraformStarts.NthAsync(DataDir, "plan", 1);
            crashed.Kill();
            await TerraformStarts.GoneAsync(plan.Pid);
        }

        await using var restarted = await ServerProcess.StartAsync(GitHub, DataDir);

        var reply = await CommentContainingAsync(pr, "IaCBot was stopped while it was planning this pull request");
        Assert.Contains("planning again now", reply.Body, StringComparison.Ordinal);
        var status = await StatusAsync(pr, StatusContexts.Plan, "error");
        Assert.Contains("Interrupted", status.Description, StringComparison.Ordinal);
        await TerraformStarts.NthAsync(DataDir, "plan", 2);
    }

    [Fact]
    public async Task An_apply_cut_short_by_a_crash_is_reported_and_never_run_again_and_its_lock_is_kept()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = "# fake-terraform: sleep apply 30\n" + NullResource("a") });
        await using (var crashed = await ServerProcess.StartAsync(GitHub, DataDir))
        {
            await AcceptedAsync(crashed.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
            await CommentContainingAsync(pr, "Ran plan");
            await AcceptedAsync(crashed.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Author, "iacbot apply")));
            var apply = await TerraformStarts.NthAsync(DataDir, "apply", 1);
            crashed.Kill();
            await TerraformStarts.GoneAsync(apply.Pid);
        }

        await using var restarted = await ServerProcess.StartAsync(GitHub, DataDir);

        var reply = await CommentContainingAsync(pr, "did not run it again");
        Assert.Contains("Locks still held by this pull request (no other pull request can plan these meanwhile):\n  * dir: `app`", reply.Body, StringComparison.Ordinal);
        Assert.Contains("Plans discarded, since the state may have changed under them:\n  * dir: `app`", reply.Body, StringComparison.Ordinal);
        Assert.Contains("`iacbot plan` to plan from the state as it is now", reply.Body, StringComparison.Ordinal);
        await StatusAsync(pr, StatusContexts.Apply, "error");

        var other = OpenPullRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") }, author: Reviewer);
        await AcceptedAsync(restarted.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", other, other.Author)));
        Assert.Contains("#1 holds the lock", (await CommentContainingAsync(other, "Ran plan")).Body, StringComparison.Ordinal);

        await AcceptedAsync(restarted.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Author, "iacbot apply")));
        await CommentContainingAsync(pr, "There is no plan to apply");
        Assert.Single(await TerraformStarts.AllAsync(DataDir), r => r.Command == "apply");
    }

    private static async Task AcceptedAsync(Task<HttpResponseMessage> delivery) =>
        Assert.Equal(HttpStatusCode.Accepted, (await delivery).StatusCode);
}
