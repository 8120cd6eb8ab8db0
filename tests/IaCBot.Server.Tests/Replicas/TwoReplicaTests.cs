using System.Net;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;
using IaCBot.Server.Tests.Recovery;
using IaCBot.Tests.Postgres;

namespace IaCBot.Server.Tests.Replicas;

/// <summary>
/// Two real <c>iacbot</c> processes on different ports, each with its own data_dir, sharing one PostgreSQL database
/// and one GitHub, as replicas behind a load balancer that sends each delivery to either.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class TwoReplicaTests(PostgresCluster cluster) : ReplicaTest(cluster, "replicas")
{
    private const int RacingPullRequests = 50;

    private SharedDatabase Database => new(ConnectionString);

    [Fact]
    public async Task A_pull_request_opened_on_one_replica_is_applied_through_the_other()
    {
        var (a, b) = (await StartAsync(DataDir), await StartAsync(DataDirB));
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });

        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        await CommentContainingAsync(pr, "Ran plan");
        await AcceptedAsync(b.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Author, "iacbot apply")));

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("Apply complete!", reply.Body, StringComparison.Ordinal);
        Assert.Single(BothReplicasRuns(), r => r.Command == "plan");
        Assert.Single(BothReplicasRuns(), r => r.Command == "apply");
    }

    [Fact]
    public async Task A_replica_that_never_had_the_clone_applies_the_plan_another_made_from_the_database()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });
        var a = await StartAsync(DataDir);
        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        await CommentContainingAsync(pr, "Ran plan");
        a.Terminate();
        await a.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var b = await StartAsync(DataDirB);
        await AcceptedAsync(b.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Author, "iacbot apply")));

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("Apply complete!", reply.Body, StringComparison.Ordinal);
        Assert.Single(TerraformCalls.Under(DataDirB), r => r.Command == "apply");
        Assert.DoesNotContain(TerraformCalls.Under(DataDirB), r => r.Command == "plan");
    }

    [Fact]
    public async Task A_redelivery_to_the_other_replica_of_a_delivery_already_taken_is_a_duplicate_and_does_nothing_twice()
    {
        var (a, b) = (await StartAsync(DataDir), await StartAsync(DataDirB));
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });
        var body = GitHubWebhooks.PullRequest("opened", pr, pr.Author);
        const string DeliveryId = "5d0c7b2e-cc78-11e3-81ab-4c9367dc0958";

        await AcceptedAsync(a.DeliverAsync("pull_request", body, DeliveryId));
        await CommentContainingAsync(pr, "Ran plan");
        var again = await b.DeliverAsync("pull_request", body, DeliveryId);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("duplicate", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingMoreAsync(b, pr, comments: 1);
        Assert.Single(BothReplicasRuns(), r => r.Command == "plan");
    }

    [Fact]
    public async Task Of_fifty_pull_requests_planning_one_project_across_both_replicas_at_once_exactly_one_holds_the_lock()
    {
        var (a, b) = (await StartAsync(DataDir), await StartAsync(DataDirB));
        var prs = Enumerable.Range(1, RacingPullRequests)
            .Select(n => OpenPullRequest(n, new Dictionary<string, string?> { ["app/main.tf"] = NullResource($"change{n}") }))
            .ToList();

        await Task.WhenAll(prs.Select((pr, i) => AcceptedAsync(
            (i % 2 == 0 ? a : b).DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)))));
        await Task.WhenAll(prs.Select(pr => CommentNumberAsync(pr, 1)));
        await Database.WaitUntilSettledAsync(RacingPullRequests, TimeSpan.FromMinutes(3));

        var replies = prs.ToDictionary(pr => pr, pr => GitHub.Comments(Owner, RepoName, pr.Number));
        Assert.All(replies, r => Assert.True(r.Value.Count == 1, $"#{r.Key.Number} got {r.Value.Count} answers:\n" + string.Join("\n---\n", r.Value.Select(c => c.Body))));
        var winner = Assert.Single(prs, pr => !replies[pr][0].Body.Contains("holds the lock", StringComparison.Ordinal));
        Assert.Contains("Ran plan", replies[winner][0].Body, StringComparison.Ordinal);
        Assert.All(prs.Where(pr => pr != winner),
            pr => Assert.Contains($"#{winner.Number} holds the lock", replies[pr][0].Body, StringComparison.Ordinal));
        Assert.Equal([winner.Number], await Database.LockHoldersAsync());
        Assert.Single(BothReplicasRuns(), r => r.Command == "plan");
    }

    [Fact]
    public async Task A_plan_cut_short_by_a_replica_killed_mid_plan_is_reported_by_the_other_replica_as_it_starts()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = "# fake-terraform: sleep plan 30\n" + NullResource("a") });
        var a = await StartAsync(DataDir);
        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        var plan = await TerraformStarts.NthAsync(DataDir, "plan", 1);
        a.Kill();
        await TerraformStarts.GoneAsync(plan.Pid);

        await StartAsync(DataDirB);

        var reply = await CommentContainingAsync(pr, "IaCBot was stopped while it was planning this pull request");
        Assert.Contains("planning again now", reply.Body, StringComparison.Ordinal);
        await TerraformStarts.NthAsync(DataDirB, "plan", 1);
    }

    [Fact]
    public async Task A_plan_cut_short_by_a_replica_killed_mid_plan_is_reported_by_the_replica_still_running()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = "# fake-terraform: sleep plan 60\n" + NullResource("a") });
        var a = await StartAsync(DataDir);
        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        var plan = await TerraformStarts.NthAsync(DataDir, "plan", 1);
        await StartAsync(DataDirB);

        a.Kill();
        await TerraformStarts.GoneAsync(plan.Pid);

        var reply = await CommentContainingAsync(pr, "IaCBot was stopped while it was planning this pull request");
        Assert.Contains("planning again now", reply.Body, StringComparison.Ordinal);
        await TerraformStarts.NthAsync(DataDirB, "plan", 1);
        Assert.Single(GitHub.Comments(Owner, RepoName, pr.Number), c => c.Body.Contains("was stopped while", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replica_that_starts_while_another_plans_leaves_that_live_run_alone()
    {
        using var plan = new TerraformGate(DataDir, "plan");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = plan.Knob + NullResource("a") });
        var a = await StartAsync(DataDir);
        await AcceptedAsync(a.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, pr.Author)));
        await TerraformStarts.NthAsync(DataDir, "plan", 1);

        var b = await StartAsync(DataDirB);
        Assert.Empty(GitHub.Comments(Owner, RepoName, pr.Number));
        plan.Release();

        Assert.Contains("Ran plan", (await CommentNumberAsync(pr, 1)).Body, StringComparison.Ordinal);
        await AssertNothingMoreAsync(b, pr, comments: 1);
        Assert.Single(BothReplicasRuns(), r => r.Command == "plan");
    }

    private IEnumerable<TerraformCalls.Run> BothReplicasRuns() => TerraformCalls.Under(DataDir).Concat(TerraformCalls.Under(DataDirB));

    /// <summary>A help comment through the same replica, answered after anything the duplicate could have queued.</summary>
    private async Task AssertNothingMoreAsync(ServerProcess server, FakePullRequest pr, int comments)
    {
        var probe = OpenPullRequest(900 + pr.Number, new Dictionary<string, string?> { ["probe.txt"] = "x" });
        await AcceptedAsync(server.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(probe, Author, "iacbot help")));
        await CommentNumberAsync(probe, 1);
        var posted = GitHub.Comments(pr.Owner, pr.Repo, pr.Number);
        Assert.True(posted.Count == comments, $"Expected {comments} comments, found {posted.Count}:\n" + string.Join("\n---\n", posted.Select(c => c.Body)));
    }
}
