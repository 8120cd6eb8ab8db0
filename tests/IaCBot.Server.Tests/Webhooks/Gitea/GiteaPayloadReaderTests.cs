using System.Text;
using System.Text.Json.Nodes;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;
using IaCBot.Server.Webhooks;
using IaCBot.Server.Webhooks.Gitea;

namespace IaCBot.Server.Tests.Webhooks.Gitea;

public sealed class GiteaPayloadReaderTests
{
    private const string Host = "gitea.example.com:3000";

    private static readonly GiteaPayloadReader Reader = new(Host, "iacbot");

    [Theory]
    [InlineData("pull_request.opened.json", PullRequestAction.Opened)]
    [InlineData("pull_request.opened.go-playground.json", PullRequestAction.Opened)]
    [InlineData("pull_request.synchronized.json", PullRequestAction.Synchronized)]
    [InlineData("pull_request.reopened.json", PullRequestAction.Reopened)]
    [InlineData("pull_request.closed.json", PullRequestAction.Closed)]
    [InlineData("pull_request.merged.json", PullRequestAction.Closed)]
    public void Real_pull_request_payloads_are_read(string fixture, PullRequestAction expected)
    {
        var result = Assert.IsType<WebhookParseResult.PullRequest>(Reader.Read("pull_request", Fixture(fixture)));

        Assert.Equal(expected, result.Event.Action);
        Assert.Equal(Host, result.Event.Pull.Ref.Repo.Host);
        Assert.Equal(VcsKind.Gitea, result.Event.Pull.Ref.Repo.Kind);
        Assert.False(string.IsNullOrEmpty(result.Event.Pull.HeadSha));
    }

    [Fact]
    public void A_merged_pull_request_is_read_as_merged_with_its_repository_and_sender()
    {
        var result = Assert.IsType<WebhookParseResult.PullRequest>(Reader.Read("pull_request", Fixture("pull_request.merged.json")));

        Assert.Equal(PullRequestState.Merged, result.Event.Pull.State);
        Assert.Equal(new PullRequestRef(new RepoId(Host, "jcitizen", "my-repo", VcsKind.Gitea), 1), result.Event.Pull.Ref);
        Assert.Equal("jcitizen", result.Event.Sender);
    }

    [Fact]
    public void A_pull_request_from_a_fork_names_the_fork()
    {
        var result = Assert.IsType<WebhookParseResult.PullRequest>(Reader.Read("pull_request", Fixture("pull_request.opened.go-playground.json")));

        Assert.Equal(new RepoId(Host, "example2", "example", VcsKind.Gitea), result.Event.Pull.HeadRepo);
        Assert.Equal("http://localhost:3000/example2/example.git", result.Event.Pull.HeadCloneUrl);
    }

    [Theory]
    [InlineData("issue_comment.created.on-pr.json", "unknwon", "run gofmt", 2)]
    [InlineData("issue_comment.created.on-pr.go-playground.json", "example", "example", 2)]
    public void Real_comments_on_pull_requests_are_read_with_their_author(string fixture, string author, string body, int number)
    {
        var result = Assert.IsType<WebhookParseResult.Comment>(Reader.Read("issue_comment", Fixture(fixture)));

        Assert.Equal(author, result.Event.Author);
        Assert.Equal(body, result.Event.Body);
        Assert.Equal(number, result.Event.Pull.Number);
        Assert.Equal(VcsKind.Gitea, result.Event.Pull.Repo.Kind);
    }

    [Fact]
    public void A_comment_on_a_plain_issue_is_ignored()
    {
        Assert.IsType<WebhookParseResult.Ignored>(Reader.Read("issue_comment", Fixture("issue_comment.created.on-issue.json")));
    }

    [Fact]
    public void The_bots_own_comment_is_ignored_whatever_its_case()
    {
        var payload = Node("issue_comment.created.on-pr.json");
        payload["comment"]!["user"]!["login"] = "IaCBot";
        payload["comment"]!["body"] = "iacbot apply";

        Assert.IsType<WebhookParseResult.Ignored>(Reader.Read("issue_comment", Bytes(payload)));
    }

    [Fact]
    public void The_author_is_the_comments_user_never_a_name_written_in_the_text()
    {
        var payload = Node("issue_comment.created.on-pr.json");
        payload["comment"]!["body"] = "iacbot apply\n\nuser: admin\n@admin";

        var result = Assert.IsType<WebhookParseResult.Comment>(Reader.Read("issue_comment", Bytes(payload)));

        Assert.Equal("unknwon", result.Event.Author);
    }

    [Theory]
    [InlineData("pull_request", "edited")]
    [InlineData("pull_request", "label_updated")]
    [InlineData("pull_request", "reviewed")]
    [InlineData("issue_comment", "edited")]
    [InlineData("issue_comment", "deleted")]
    public void Other_actions_are_ignored(string eventName, string action)
    {
        var payload = Node(eventName == "pull_request" ? "pull_request.opened.json" : "issue_comment.created.on-pr.json");
        payload["action"] = action;

        Assert.IsType<WebhookParseResult.Ignored>(Reader.Read(eventName, Bytes(payload)));
    }

    [Fact]
    public void Removing_the_work_in_progress_prefix_makes_the_pull_request_ready_for_review()
    {
        var payload = Node("pull_request.opened.json");
        payload["action"] = "edited";
        payload["changes"] = new JsonObject { ["title"] = new JsonObject { ["from"] = "WIP: Add License File" } };

        var result = Assert.IsType<WebhookParseResult.PullRequest>(Reader.Read("pull_request", Bytes(payload)));

        Assert.Equal(PullRequestAction.ReadyForReview, result.Event.Action);
    }

    [Fact]
    public void Events_iacbot_does_not_act_on_are_ignored()
    {
        Assert.IsType<WebhookParseResult.Ignored>(Reader.Read("push", "{}"u8.ToArray()));
    }

    [Theory]
    [InlineData("pull_request", "not json", "not valid JSON")]
    [InlineData("pull_request", "[1,2]", "not a JSON object")]
    [InlineData("pull_request", """{"action":"opened"}""", "'repository'")]
    [InlineData("issue_comment", """{"action":"created","is_pull":true,"issue":{"number":1},"repository":{"name":"r","owner":{"login":"o"}},"comment":{"body":"x"}}""", "'comment.user'")]
    [InlineData("issue_comment", """{"action":"created","is_pull":true,"issue":{"number":-4},"repository":{"name":"r","owner":{"login":"o"}},"comment":{"body":"x","user":{"login":"u"}}}""", "'issue.number'")]
    public void A_malformed_payload_is_invalid_and_says_why(string eventName, string body, string reason)
    {
        var result = Assert.IsType<WebhookParseResult.Invalid>(Reader.Read(eventName, Encoding.UTF8.GetBytes(body)));

        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pull_request.head.sha")]
    [InlineData("pull_request.base.ref")]
    [InlineData("pull_request.user")]
    [InlineData("repository.owner")]
    [InlineData("sender")]
    public void A_pull_request_payload_missing_a_needed_field_is_invalid_and_names_it(string path)
    {
        var payload = Node("pull_request.opened.json");
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate((JsonNode)payload, (node, part) => node[part]!);
        parent.AsObject().Remove(parts[^1]);

        var result = Assert.IsType<WebhookParseResult.Invalid>(Reader.Read("pull_request", Bytes(payload)));

        Assert.Contains(path, result.Reason, StringComparison.Ordinal);
    }

    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gitea", "webhooks", name));

    private static JsonNode Node(string name) => JsonNode.Parse(Fixture(name))!;

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
