using System.Text;
using System.Text.Json.Nodes;
using IaCBot.Core.Access;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;
using IaCBot.Server.Webhooks;

namespace IaCBot.Server.Tests.Webhooks;

/// <summary>Real deliveries, unmodified (see Fixtures/SOURCES.md), read into IaCBot's events.</summary>
public sealed class GitHubPayloadReaderTests
{
    [Fact]
    public void A_real_pull_request_opened_delivery_gives_the_pull_request_and_where_to_fetch_it()
    {
        var result = Read("pull_request", "pull_request.opened.atlantis.json");

        var e = Assert.IsType<WebhookParseResult.PullRequest>(result).Event;
        Assert.Equal(PullRequestAction.Opened, e.Action);
        Assert.Equal(new RepoId("github.com", "runatlantis", "atlantis-tests"), e.Pull.Ref.Repo);
        Assert.Equal(2, e.Pull.Ref.Number);
        Assert.Equal("c31fd9ea6f557ad2ea659944c3844a059b83bc5d", e.Pull.HeadSha);
        Assert.Equal("https://github.com/runatlantis/atlantis-tests.git", e.Pull.HeadCloneUrl);
        Assert.Equal(PullRequestState.Open, e.Pull.State);
    }

    [Theory]
    [InlineData("pull_request.opened.json", PullRequestAction.Opened)]
    [InlineData("pull_request.reopened.json", PullRequestAction.Reopened)]
    [InlineData("pull_request.synchronize.json", PullRequestAction.Synchronized)]
    [InlineData("pull_request.closed.not-merged.json", PullRequestAction.Closed)]
    [InlineData("pull_request.closed.merged.json", PullRequestAction.Closed)]
    public void Every_pull_request_action_iacbot_acts_on_is_read(string file, PullRequestAction action)
    {
        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read("pull_request", file)).Event;

        Assert.Equal(action, e.Action);
        Assert.NotEmpty(e.Pull.HeadSha);
    }

    [Fact]
    public void A_merged_close_is_read_as_merged()
    {
        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read("pull_request", "pull_request.closed.merged.json")).Event;

        Assert.Equal(PullRequestState.Merged, e.Pull.State);
    }

    [Fact]
    public void A_real_comment_on_a_pull_request_gives_its_author_and_text()
    {
        var e = Assert.IsType<WebhookParseResult.Comment>(Read("issue_comment", "issue_comment.created.on-pr.atlantis.json")).Event;

        Assert.Equal(new PullRequestRef(new RepoId("github.com", "runatlantis", "atlantis-tests"), 1), e.Pull);
        Assert.Equal("runatlantis", e.Author);
        Assert.Equal("###comment body###", e.Body);
    }

    [Fact]
    public void A_comment_on_a_plain_issue_is_ignored()
    {
        Assert.IsType<WebhookParseResult.Ignored>(Read("issue_comment", "issue_comment.created.on-issue.with-installation.json"));
    }

    [Fact]
    public void A_review_event_is_not_acted_on()
    {
        Assert.IsType<WebhookParseResult.Ignored>(Read("pull_request_review", "pull_request_review.submitted.approved.json"));
    }

    [Fact]
    public void A_ping_is_read_as_a_ping()
    {
        Assert.IsType<WebhookParseResult.Ping>(Read("ping", "ping.json"));
    }

    [Theory]
    [InlineData("{\"action\":\"opened\"}", "'repository' is missing")]
    [InlineData("{\"action\":\"opened\",\"number\":1,\"repository\":{\"html_url\":\"https://github.com/a/b\",\"name\":\"b\",\"owner\":{\"login\":\"a\"}},\"pull_request\":{\"number\":\"one\"}}", "'pull_request.head' is missing")]
    [InlineData("{\"action\":7}", "'action' is missing or is not a non-empty string")]
    [InlineData("null", "not a JSON object")]
    [InlineData("", "not valid JSON")]
    public void A_payload_missing_what_iacbot_needs_names_the_field(string json, string reason)
    {
        var invalid = Assert.IsType<WebhookParseResult.Invalid>(GitHubPayloadReader.Read("pull_request", Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_not_a_crash()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        Assert.IsType<WebhookParseResult.Invalid>(GitHubPayloadReader.Read("pull_request", Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void A_pull_request_from_the_repository_itself_has_no_head_repository()
    {
        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read("pull_request", "pull_request.opened.json")).Event;

        Assert.Null(e.Pull.HeadRepo);
    }

    [Fact]
    public void A_pull_request_from_a_fork_names_the_fork()
    {
        var json = JsonNode.Parse(File.ReadAllText(FixturePath("pull_request.opened.json")))!;
        var head = json["pull_request"]!["head"]!["repo"]!;
        head["owner"]!["login"] = "mallory";
        head["name"] = "infra-fork";

        var e = Assert.IsType<WebhookParseResult.PullRequest>(GitHubPayloadReader.Read("pull_request", Encoding.UTF8.GetBytes(json.ToJsonString()))).Event;

        Assert.Equal(new RepoId(e.Pull.Ref.Repo.Host, "mallory", "infra-fork"), e.Pull.HeadRepo);
    }

    [Fact]
    public void A_pull_request_whose_fork_was_deleted_counts_as_from_a_fork()
    {
        var json = JsonNode.Parse(File.ReadAllText(FixturePath("pull_request.opened.json")))!;
        json["pull_request"]!["head"]!["repo"] = null;

        var e = Assert.IsType<WebhookParseResult.PullRequest>(GitHubPayloadReader.Read("pull_request", Encoding.UTF8.GetBytes(json.ToJsonString()))).Event;

        Assert.Equal(ForkPolicy.UnknownFork(e.Pull.Ref.Repo.Host), e.Pull.HeadRepo);
    }

    private static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "github", "webhooks", file);

    private static WebhookParseResult Read(string eventName, string file) =>
        GitHubPayloadReader.Read(eventName, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "github", "webhooks", file)));
}
