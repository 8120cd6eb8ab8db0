using System.Net;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>The whole PR flow against a fake Gitea, beside the GitHub the app is also configured for.</summary>
public sealed class GiteaFlowTests : ServerTest, IDisposable
{
    private const string Secret = "gitea-webhook-secret";

    private FakeGitea Gitea { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["server:repo_allowlist:1"] = $"{Gitea.Host}/acme/*",
        ["gitea:url"] = Gitea.Url,
        ["gitea:token"] = Gitea.Token,
        ["gitea:webhook_secret"] = Secret,
        ["gitea:user"] = Gitea.BotLogin,
    };

    [Fact]
    public async Task An_opened_pull_request_is_planned_with_a_comment_and_a_plan_status()
    {
        var pr = OpenGiteaPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", pr, Author, Gitea.Url));

        var comment = await GiteaCommentAsync(pr, "Ran plan");
        Assert.Contains("Plan: 1 to add", comment.Body, StringComparison.Ordinal);
        Assert.Equal(Gitea.BotLogin, comment.User);
        await GiteaStatusAsync(pr, StatusContexts.Plan, "success");
        Assert.Equal(0, GitHub.RequestCount("*", "/"));
    }

    [Fact]
    public async Task A_second_pull_request_on_a_locked_directory_is_told_who_holds_it()
    {
        var first = OpenGiteaPullRequest(1, new Dictionary<string, string?> { ["envs/prod/main.tf"] = NullResource("a") });
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", first, Author, Gitea.Url));
        await GiteaCommentAsync(first, "Ran plan");

        var second = OpenGiteaPullRequest(2, new Dictionary<string, string?> { ["envs/prod/main.tf"] = NullResource("b") }, Reviewer);
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", second, Reviewer, Gitea.Url));

        var comment = await GiteaCommentAsync(second, "Ran plan");
        Assert.Contains("#1 holds the lock", comment.Body, StringComparison.Ordinal);
        await GiteaStatusAsync(second, StatusContexts.Plan, "failure");
    }

    [Fact]
    public async Task Apply_waits_for_an_approving_review_from_someone_else_then_applies()
    {
        UseServerConfig("repos:\n- id: /.*/\n  allowed_overrides: [apply_requirements]\n");
        var pr = OpenGiteaPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- dir: app\n  apply_requirements: [approved]\n",
            ["app/main.tf"] = NullResource("a"),
        });
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", pr, Author, Gitea.Url));
        await GiteaCommentAsync(pr, "Ran plan");

        pr.AddReview(Reviewer, "REQUEST_CHANGES");
        await DeliverAsync("issue_comment", GiteaWebhooks.IssueComment(pr, Author, "iacbot apply", Gitea.Url));
        var refused = await GiteaCommentAsync(pr, "Ran apply");
        Assert.Contains("approved by someone other than its author", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");

        pr.AddReview(Reviewer, "APPROVED");
        await DeliverAsync("issue_comment", GiteaWebhooks.IssueComment(pr, Author, "iacbot apply", Gitea.Url));
        var applied = await GiteaCommentAsync(pr, "Apply complete!");
        Assert.Contains("1 applied", applied.Body, StringComparison.Ordinal);
        await GiteaStatusAsync(pr, StatusContexts.Apply, "success");
    }

    [Fact]
    public async Task Unlock_frees_the_directory_for_another_pull_request()
    {
        var first = OpenGiteaPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", first, Author, Gitea.Url));
        await GiteaCommentAsync(first, "Ran plan");

        await DeliverAsync("issue_comment", GiteaWebhooks.IssueComment(first, Author, "iacbot unlock", Gitea.Url));
        await Gitea.WaitForCommentAsync(Owner, RepoName, 1, c => c.Body.Contains("`app`", StringComparison.Ordinal) && !c.Body.Contains("Ran plan", StringComparison.Ordinal));

        var second = OpenGiteaPullRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", second, Author, Gitea.Url));
        Assert.Contains("Plan: 1 to add", (await GiteaCommentAsync(second, "Ran plan")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Merging_or_closing_releases_the_locks(bool merged)
    {
        var pr = OpenGiteaPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", pr, Author, Gitea.Url));
        await GiteaCommentAsync(pr, "Ran plan");

        pr.State = "closed";
        pr.Merged = merged;
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("closed", pr, Author, Gitea.Url));
        Assert.Contains("`app`", (await GiteaCommentAsync(pr, "released")).Body, StringComparison.Ordinal);

        var next = OpenGiteaPullRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });
        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", next, Author, Gitea.Url));
        Assert.Contains("Plan: 1 to add", (await GiteaCommentAsync(next, "Ran plan")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_with_a_wrong_signature_is_refused_and_not_recorded()
    {
        var pr = OpenGiteaPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var body = GiteaWebhooks.PullRequest("opened", pr, Author, Gitea.Url);

        var refused = await App.Client.SendAsync(GiteaWebhooks.Delivery("pull_request", body, "not-the-secret", deliveryId: "d-1"));
        var unsigned = await App.Client.SendAsync(GiteaWebhooks.Delivery("pull_request", body, secret: null, deliveryId: "d-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(0, Gitea.RequestCount("*", "/"));

        // The same delivery, now signed, is taken as new: the refused ones were never recorded.
        var accepted = await App.Client.SendAsync(GiteaWebhooks.Delivery("pull_request", body, Secret, deliveryId: "d-1"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await GiteaCommentAsync(pr, "Ran plan");
    }

    [Fact]
    public async Task A_comment_gitea_refuses_with_500_is_posted_again_and_not_lost()
    {
        var pr = OpenGiteaPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        Gitea.FailNext("POST", "/issues/1/comments", 500, times: 2, message: "database is locked");

        await DeliverAsync("pull_request", GiteaWebhooks.PullRequest("opened", pr, Author, Gitea.Url));

        await GiteaCommentAsync(pr, "Ran plan");
        Assert.True(Gitea.RequestCount("POST", "/issues/1/comments") >= 3);
        Assert.Single(Gitea.Comments(Owner, RepoName, 1), c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forgejo_deliveries_are_taken_and_the_bots_own_comments_are_ignored()
    {
        var pr = OpenGiteaPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var body = GiteaWebhooks.PullRequest("opened", pr, Author, Gitea.Url);

        var forgejo = await App.Client.SendAsync(GiteaWebhooks.Delivery("pull_request", body, Secret, forgejo: true));
        Assert.Equal(HttpStatusCode.Accepted, forgejo.StatusCode);
        await GiteaCommentAsync(pr, "Ran plan");

        var own = await DeliverAsync("issue_comment", GiteaWebhooks.IssueComment(pr, Gitea.BotLogin, "iacbot plan", Gitea.Url));
        Assert.Contains("ignored", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => Gitea.Dispose();

    private FakePullRequest OpenGiteaPullRequest(int number, IReadOnlyDictionary<string, string?> files, string author = Author)
    {
        var branch = $"change-{number}";
        var sha = Repo.Commit(branch, files, $"Change {number}");
        var pr = Gitea.AddPullRequest(Owner, RepoName, number, author, sha, branch, Repo.CloneUrl);
        pr.Files.AddRange(files.Keys);
        return pr;
    }

    private async Task<HttpResponseMessage> DeliverAsync(string eventName, string body)
    {
        var response = await App.Client.SendAsync(GiteaWebhooks.Delivery(eventName, body, Secret));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private Task<FakeComment> GiteaCommentAsync(FakePullRequest pr, string text) =>
        Gitea.WaitForCommentAsync(Owner, RepoName, pr.Number, c => c.Body.Contains(text, StringComparison.Ordinal));

    private Task<FakeStatus> GiteaStatusAsync(FakePullRequest pr, string context, string state) =>
        Gitea.WaitForStatusAsync(Owner, RepoName, pr.HeadSha, s => s.Context == context && s.State == state);
}
