using Hangfire;
using IaCBot.Core.Events;
using IaCBot.Core.Ordering;
using IaCBot.Core.Vcs;
using IaCBot.Server.Jobs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Jobs;

/// <summary>
/// The intake pump queues a delivery's job, then marks the delivery queued. A crash in between has the delivery queued
/// again as the server restarts (or by another replica): two jobs for one delivery, which must still run once.
/// </summary>
public sealed class DeliveryQueuedTwiceTests : ServerTest
{
    private const string DeliveryId = "0b5d7f2a-cc78-11e3-81ab-4c9367dc0958";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Logging:LogLevel:IaCBot.Server.Jobs.DeliveryClaims"] = "Information" };

    [Fact]
    public async Task A_comment_queued_twice_by_a_crash_is_answered_once_and_the_next_command_is_not_held_up()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await App.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Author, "iacbot plan"), DeliveryId);

        // The job the restarted pump queues for the same delivery, with the PR's next ticket, as it would.
        var pull = PullOf(pr);
        var ticket = await App.Services.GetRequiredService<PullRequestTurns>().IssueAsync(pull, CancellationToken.None);
        var again = new CommentEvent(pull, Author, "iacbot plan", ticket);
        App.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<WebhookJobs>(j => j.CommentDeliveryAsync(again, DeliveryId, null, CancellationToken.None));
        await CommentAsync(pr, "iacbot help");

        Assert.Contains("Ran plan", (await CommentNumberAsync(pr, 1)).Body, StringComparison.Ordinal);
        Assert.Contains("iacbot unlock", (await CommentNumberAsync(pr, 2)).Body, StringComparison.Ordinal);
        var comments = GitHub.Comments(Owner, RepoName, pr.Number);
        Assert.True(comments.Count == 2, "Expected a plan and a help reply, found:\n" + string.Join("\n---\n", comments.Select(c => c.Body)));
        Assert.Single(TerraformRuns, r => r.Command == "plan");
        Assert.Single(App.Logs.Entries, e => e.StartsWith("Information", StringComparison.Ordinal)
            && e.Contains($"delivery {DeliveryId} for {pull} was queued twice", StringComparison.Ordinal));
        Assert.Contains("iacbot_duplicate_jobs_total 1", await App.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_queued_before_the_upgrade_without_its_delivery_id_still_runs()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var comment = new CommentEvent(PullOf(pr), Author, "iacbot plan");

        App.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<WebhookJobs>(j => j.CommentAsync(comment, null, CancellationToken.None));

        Assert.Contains("Ran plan", (await CommentContainingAsync(pr, "Ran plan")).Body, StringComparison.Ordinal);
        Assert.Single(TerraformRuns, r => r.Command == "plan");
    }

    private static PullRequestRef PullOf(FakePullRequest pr) => new(new RepoId("github.com", pr.Owner, pr.Repo), pr.Number);
}
