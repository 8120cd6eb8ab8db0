using IaCBot.Core.Events;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Jobs;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Flows;

/// <summary>A queue may hand a job out twice; an apply must still run at most once.</summary>
public sealed class JobOnceTests : ServerTest
{
    [Fact]
    public async Task A_job_handed_out_again_after_it_finished_does_nothing()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        var apply = Comment(pr, "iacbot apply");

        await RunJobAsync("apply-job", apply);
        await RunJobAsync("apply-job", apply);

        Assert.Single(TerraformRuns, r => r.Command == "apply");
        Assert.Equal(2, GitHub.Comments(Owner, RepoName, 1).Count);
    }

    [Fact]
    public async Task A_job_the_server_stopped_under_is_reported_on_the_pull_request_and_not_run_again()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        var ledger = App.Services.GetRequiredService<IJobLedger>();
        var pull = new PullRequestRef(new RepoId("github.com", pr.Owner, pr.Repo), pr.Number);
        await ledger.StartAsync(new JobRun("apply-job", pull, JobKind.Apply, "iacbot apply", null, "gone", DateTimeOffset.UnixEpoch, "{}"), CancellationToken.None);

        await RunJobAsync("apply-job", Comment(pr, "iacbot apply"));

        var reply = await CommentNumberAsync(pr, 2);
        Assert.Contains("stopped while it was running `iacbot apply`, and did not run it again", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
        await RunJobAsync("apply-job", Comment(pr, "iacbot apply"));
        Assert.Equal(2, GitHub.Comments(Owner, RepoName, 1).Count);
    }

    private static CommentEvent Comment(Fakes.FakePullRequest pr, string body) =>
        new(new PullRequestRef(new RepoId("github.com", pr.Owner, pr.Repo), pr.Number), Author, body);

    private async Task RunJobAsync(string jobId, CommentEvent comment)
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WebhookJobs>().RunCommentAsync(comment, jobId, CancellationToken.None);
    }
}
