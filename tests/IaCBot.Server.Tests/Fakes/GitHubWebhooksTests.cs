using System.Text.Json;

namespace IaCBot.Server.Tests.Fakes;

public sealed class GitHubWebhooksTests : IDisposable
{
    private readonly FakeGitHub _github = new();
    private readonly FakePullRequest _pull;

    public GitHubWebhooksTests()
    {
        _pull = _github.AddPullRequest("acme", "infra", 12, "alice", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", "feature/dns", "file:///tmp/infra");
    }

    public void Dispose() => _github.Dispose();

    [Fact]
    public void A_pull_request_event_carries_the_fake_pull_requests_state()
    {
        _pull.Draft = true;

        using var payload = JsonDocument.Parse(GitHubWebhooks.PullRequest("opened", _pull, "alice"));

        var root = payload.RootElement;
        var pr = root.GetProperty("pull_request");
        Assert.Equal("opened", root.GetProperty("action").GetString());
        Assert.Equal(12, root.GetProperty("number").GetInt32());
        Assert.Equal(12, pr.GetProperty("number").GetInt32());
        Assert.Equal("open", pr.GetProperty("state").GetString());
        Assert.True(pr.GetProperty("draft").GetBoolean());
        Assert.Equal("alice", pr.GetProperty("user").GetProperty("login").GetString());
        Assert.Equal("ec26c3e57ca3a959ca5aad62de7213c562f8c821", pr.GetProperty("head").GetProperty("sha").GetString());
        Assert.Equal("feature/dns", pr.GetProperty("head").GetProperty("ref").GetString());
        Assert.Equal("file:///tmp/infra", pr.GetProperty("head").GetProperty("repo").GetProperty("clone_url").GetString());
        Assert.Equal("main", pr.GetProperty("base").GetProperty("ref").GetString());
        Assert.Equal("https://github.com/acme/infra/pull/12", pr.GetProperty("html_url").GetString());
        AssertRepository(root);
        Assert.Equal("alice", root.GetProperty("sender").GetProperty("login").GetString());
    }

    [Fact]
    public void A_merged_close_is_delivered_as_closed_and_merged()
    {
        _pull.Merge();

        using var payload = JsonDocument.Parse(GitHubWebhooks.PullRequest("closed", _pull, "bob"));

        var pr = payload.RootElement.GetProperty("pull_request");
        Assert.Equal("closed", payload.RootElement.GetProperty("action").GetString());
        Assert.Equal("closed", pr.GetProperty("state").GetString());
        Assert.True(pr.GetProperty("merged").GetBoolean());
        Assert.Equal(JsonValueKind.String, pr.GetProperty("merged_at").ValueKind);
    }

    [Fact]
    public void A_comment_on_the_pull_request_names_its_issue_as_a_pull_request()
    {
        using var payload = JsonDocument.Parse(GitHubWebhooks.IssueComment(_pull, "bob", "iacbot plan -p network"));

        var root = payload.RootElement;
        var issue = root.GetProperty("issue");
        Assert.Equal("created", root.GetProperty("action").GetString());
        Assert.Equal(12, issue.GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Object, issue.GetProperty("pull_request").ValueKind);
        Assert.Equal("alice", issue.GetProperty("user").GetProperty("login").GetString());
        Assert.Equal("iacbot plan -p network", root.GetProperty("comment").GetProperty("body").GetString());
        Assert.Equal("bob", root.GetProperty("comment").GetProperty("user").GetProperty("login").GetString());
        Assert.Equal("bob", root.GetProperty("sender").GetProperty("login").GetString());
        AssertRepository(root);
    }

    [Fact]
    public void A_comment_on_a_plain_issue_has_no_pull_request()
    {
        using var payload = JsonDocument.Parse(GitHubWebhooks.IssueCommentOnIssue("acme", "infra", 3, "bob", "atlantis plan"));

        var issue = payload.RootElement.GetProperty("issue");
        Assert.Equal(3, issue.GetProperty("number").GetInt32());
        Assert.False(issue.TryGetProperty("pull_request", out _));
        AssertRepository(payload.RootElement);
    }

    [Fact]
    public void No_trace_of_the_fixtures_own_repos_and_people_is_left()
    {
        var payloads = string.Concat(
            GitHubWebhooks.PullRequest("synchronize", _pull, "alice"),
            GitHubWebhooks.IssueComment(_pull, "bob", "iacbot apply"),
            GitHubWebhooks.IssueCommentOnIssue("acme", "infra", 3, "bob", "hello"));

        Assert.DoesNotContain("Codertocat", payloads, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello-World", payloads, StringComparison.Ordinal);
        Assert.DoesNotContain("chhsia0", payloads, StringComparison.Ordinal);
    }

    [Fact]
    public void Signatures_match_githubs_documented_example()
    {
        // The example from GitHub's "Validating webhook deliveries" page.
        var signature = GitHubWebhooks.Sign("Hello, World!", "It's a Secret to Everybody");

        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", signature);
    }

    [Fact]
    public async Task A_delivery_carries_githubs_headers_and_a_signature_of_its_exact_body()
    {
        var body = GitHubWebhooks.Ping();

        using var request = WebhookDelivery.Create("ping", body, "s3cret", "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/events", request.RequestUri?.OriginalString);
        Assert.Equal("ping", request.Headers.GetValues("X-GitHub-Event").Single());
        Assert.Equal("72d3162e-cc78-11e3-81ab-4c9367dc0958", request.Headers.GetValues("X-GitHub-Delivery").Single());
        Assert.StartsWith("GitHub-Hookshot/", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/json", request.Content!.Headers.ContentType?.MediaType);
        Assert.Equal(GitHubWebhooks.Sign(await request.Content.ReadAsStringAsync(), "s3cret"), request.Headers.GetValues("X-Hub-Signature-256").Single());
    }

    [Fact]
    public void An_unsigned_delivery_has_no_signature_and_a_fresh_delivery_id()
    {
        using var first = WebhookDelivery.Create("ping", GitHubWebhooks.Ping(), secret: null);
        using var second = WebhookDelivery.Create("ping", GitHubWebhooks.Ping(), secret: null);

        Assert.False(first.Headers.Contains("X-Hub-Signature-256"));
        Assert.NotEqual(first.Headers.GetValues("X-GitHub-Delivery").Single(), second.Headers.GetValues("X-GitHub-Delivery").Single());
    }

    private static void AssertRepository(JsonElement root)
    {
        var repository = root.GetProperty("repository");
        Assert.Equal("infra", repository.GetProperty("name").GetString());
        Assert.Equal("acme/infra", repository.GetProperty("full_name").GetString());
        Assert.Equal("https://github.com/acme/infra", repository.GetProperty("html_url").GetString());
        Assert.Equal("acme", repository.GetProperty("owner").GetProperty("login").GetString());
    }
}
