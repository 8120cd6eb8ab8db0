using System.Net;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// What only Gitea (and Forgejo) does in the PR flow: its review words, its 500s, Forgejo's headers. The flow every
/// host shares is <see cref="HostFlowTests"/>.
/// </summary>
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
    public async Task A_review_requesting_changes_is_not_an_approval()
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
        await GiteaStatusAsync(pr, StatusContexts.Apply, "failure");
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
        Assert.Equal(0, GitHub.RequestCount("*", "/"));
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
