using System.Net;
using System.Text;
using IaCBot.Core.Intake;
using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Server.Configuration;
using IaCBot.Server.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;
using IaCBot.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Server.Tests.Flows;

public sealed class WebhookIntakeTests : ServerTest
{
    [Fact]
    public async Task A_delivery_with_a_wrong_signature_is_refused_and_nothing_happens()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var response = await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author), secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappensAsync(pr);
    }

    [Fact]
    public async Task A_delivery_without_a_signature_is_refused()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var response = await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author), secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappensAsync(pr);
    }

    [Fact]
    public async Task A_delivery_that_names_no_git_host_is_refused_with_the_headers_it_needs()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events")
        {
            Content = new StringContent(GitHubWebhooks.PullRequest("opened", pr, Author), Encoding.UTF8, "application/json"),
        };

        var response = await App.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-GitHub-Event, X-Gitlab-Event or X-Gitea-Event", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingHappensAsync(pr);
    }

    [Fact]
    public async Task A_redelivery_of_the_same_delivery_id_does_nothing_twice()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var body = GitHubWebhooks.PullRequest("opened", pr, Author);

        var first = await App.DeliverAsync("pull_request", body, deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        var again = await App.DeliverAsync("pull_request", body, deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("duplicate", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await CommentContainingAsync(pr, "Ran plan");
        await AssertNothingMoreAsync(pr, comments: 1);
        Assert.Single(TerraformRuns, r => r.Command == "plan");
    }

    [Fact]
    public async Task A_delivery_is_remembered_for_fourteen_days_and_a_redelivery_after_the_clean_up_forgot_it_runs_again()
    {
        const string DeliveryId = "3e8b51d0-cc78-11e3-81ab-4c9367dc0958";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var body = GitHubWebhooks.PullRequest("opened", pr, Author);
        // Taken by a server since stopped, so that only the store, not a server's memory of the last hour, knows it.
        await using (var earlier = new IaCBotApp(GitHub, DataDir))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await earlier.DeliverAsync("pull_request", body, deliveryId: DeliveryId)).StatusCode);
            await CommentContainingAsync(pr, "Ran plan");
        }

        await CleanUpAsync(daysLater: 13);
        var withinRetention = await App.DeliverAsync("pull_request", body, deliveryId: DeliveryId);
        await CleanUpAsync(daysLater: 15);
        var afterRetention = await App.DeliverAsync("pull_request", body, deliveryId: DeliveryId);

        Assert.Equal(HttpStatusCode.OK, withinRetention.StatusCode);
        Assert.Contains("duplicate", await withinRetention.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, afterRetention.StatusCode);
        await CommentNumberAsync(pr, 2);
        Assert.Equal(2, TerraformRuns.Count(r => r.Command == "plan"));
    }

    [Fact]
    public async Task A_redelivery_of_one_a_stopped_server_recorded_but_never_queued_is_run()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        const string DeliveryId = "0f2c9a44-cc78-11e3-81ab-4c9367dc0958";

        // What a server killed between recording the delivery and queueing its job leaves behind.
        var deliveries = App.Services.GetRequiredService<IDeliveryStore>();
        await deliveries.TryRecordAsync(DeliveryId, "pull_request", TimeProvider.System.GetUtcNow(), "a-server-that-is-gone", CancellationToken.None);

        var response = await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author), deliveryId: DeliveryId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await CommentContainingAsync(pr, "Ran plan");
    }

    [Fact]
    public async Task One_delivery_sent_several_times_at_once_is_accepted_once_and_runs_once()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var body = GitHubWebhooks.IssueComment(pr, Author, "iacbot plan");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => App.DeliverAsync("issue_comment", body, deliveryId: "5a1e0c3e-cc78-11e3-81ab-4c9367dc0958")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        await CommentContainingAsync(pr, "Ran plan");
        await AssertNothingMoreAsync(pr, comments: 1);
        Assert.Single(TerraformRuns, r => r.Command == "plan");
    }

    [Fact]
    public async Task Many_deliveries_at_once_are_all_accepted_and_each_runs_once_in_the_order_they_were_accepted()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => App.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Author, "iacbot help"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        await CommentNumberAsync(pr, 20);
        await AssertNothingMoreAsync(pr, comments: 20);
    }

    [Fact]
    public async Task Deliveries_accepted_but_not_yet_queued_when_the_server_stopped_are_queued_at_its_next_start_once()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var body = GitHubWebhooks.PullRequest("opened", pr, Author);
        const string DeliveryId = "7b0d8f5a-cc78-11e3-81ab-4c9367dc0958";
        await using (var stopped = new IaCBotApp(GitHub, DataDir, services: WithoutIntakePump))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await stopped.DeliverAsync("pull_request", body, deliveryId: DeliveryId)).StatusCode);
        }

        var again = await App.DeliverAsync("pull_request", body, deliveryId: DeliveryId);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await CommentContainingAsync(pr, "Ran plan");
        await AssertNothingMoreAsync(pr, comments: 1);
        Assert.Single(TerraformRuns, r => r.Command == "plan");
    }

    [Fact]
    public async Task An_unreadable_entry_in_the_intake_journal_does_not_hold_up_the_deliveries_after_it()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var broken = new IntakeEntry("broken", "pull_request", TimeProvider.System.GetUtcNow(), "{ not json");
        await App.Services.GetRequiredService<IIntakeJournal>().AppendAsync([broken], "a-server-that-is-gone", CancellationToken.None);

        var response = await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await CommentContainingAsync(pr, "Ran plan");
    }

    [Fact]
    public async Task A_repository_outside_the_allowlist_gets_no_action()
    {
        var pr = GitHub.AddPullRequest("someone-else", "infra", 1, Author, Repo.Commit("x", new Dictionary<string, string?> { ["main.tf"] = NullResource("a") }, "c"), "x", Repo.CloneUrl);
        pr.Files.Add("main.tf");

        var response = await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not in server:repo_allowlist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingMoreAsync(pr, comments: 0);
        Assert.Equal(0, GitHub.RequestCount("POST", "/statuses/"));
    }

    [Theory]
    [InlineData("{\"action\": \"opened\", \"number\": 1", "not valid JSON")]
    [InlineData("[1, 2, 3]", "not a JSON object")]
    [InlineData("{\"action\": \"opened\", \"repository\": {}}", "'repository.html_url' is missing")]
    public async Task A_malformed_delivery_gets_400_with_the_reason(string body, string reason)
    {
        var response = await App.DeliverAsync("pull_request", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_ping_is_answered()
    {
        var response = await App.DeliverAsync("ping", GitHubWebhooks.Ping());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_iacbot_does_not_act_on_are_accepted_and_ignored()
    {
        var response = await App.DeliverAsync("star", "{\"action\": \"created\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ignored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_over_25_MB_is_refused()
    {
        var huge = new StringBuilder("{\"padding\": \"").Append('x', (25 * 1024 * 1024) + 10).Append("\"}").ToString();

        var response = await App.DeliverAsync("pull_request", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Comments_that_are_not_commands_and_the_bots_own_comments_are_not_queued()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var chatter = await App.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Reviewer, "Looks good to me"));
        var own = await App.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, GitHub.BotLogin, "iacbot plan"));
        var onIssue = await App.DeliverAsync("issue_comment", GitHubWebhooks.IssueCommentOnIssue(Owner, RepoName, 99, Reviewer, "iacbot plan"));

        foreach (var response in new[] { chatter, own, onIssue })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("ignored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertNothingMoreAsync(pr, comments: 0);
    }

    [Fact]
    public async Task The_health_endpoint_answers_when_the_server_is_ready()
    {
        var response = await App.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A server that accepts deliveries and stops before it queues any: a crash right after the answers.</summary>
    private static void WithoutIntakePump(IServiceCollection services)
    {
        var pump = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(IntakePump));
        services.Remove(pump);
    }

    private async Task AssertNothingHappensAsync(FakePullRequest pr)
    {
        await AssertNothingMoreAsync(pr, comments: 0);
        Assert.Empty(GitHub.Statuses(Owner, RepoName, pr.HeadSha));
        Assert.Empty(TerraformRuns);
    }

    /// <summary>
    /// Proves a negative by ordering: a ping and a later command on another PR are handled, and by then anything
    /// queued for <paramref name="pr"/> would have run through the same queue.
    /// </summary>
    private async Task AssertNothingMoreAsync(FakePullRequest pr, int comments)
    {
        var probe = OpenPullRequest(900 + pr.Number, new Dictionary<string, string?> { ["probe.txt"] = "x" });
        await CommentAsync(probe, "iacbot help");
        await CommentNumberAsync(probe, 1);
        Assert.Equal(comments, GitHub.Comments(pr.Owner, pr.Repo, pr.Number).Count);
    }

    /// <summary>One pass of the daily clean-up of records, as it would run <paramref name="daysLater"/> days from now.</summary>
    private async Task CleanUpAsync(int daysLater)
    {
        var services = App.Services;
        using var cleanup = new RecordCleanup(
            services.GetRequiredService<IRunHistory>(), services.GetRequiredService<IDeliveryStore>(),
            services.GetRequiredService<IOptions<ServerOptions>>(), new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(daysLater)),
            NullLogger<RecordCleanup>.Instance);
        await cleanup.CleanUpOnceAsync(CancellationToken.None);
    }
}
