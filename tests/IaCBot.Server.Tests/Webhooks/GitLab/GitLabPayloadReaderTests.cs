using System.Text;
using System.Text.Json.Nodes;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;
using IaCBot.Server.Webhooks;
using IaCBot.Server.Webhooks.GitLab;

namespace IaCBot.Server.Tests.Webhooks.GitLab;

/// <summary>Real GitLab deliveries, unmodified (see Fixtures/SOURCES.md), read into IaCBot's events.</summary>
public sealed class GitLabPayloadReaderTests
{
    private const string Host = "gitlab.example.com";
    private const string MergeRequestHook = "Merge Request Hook";
    private const string NoteHook = "Note Hook";

    [Fact]
    public void A_real_opened_merge_request_gives_the_merge_request_on_the_configured_host()
    {
        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read(MergeRequestHook, "merge_request.open.json")).Event;

        Assert.Equal(PullRequestAction.Opened, e.Action);
        Assert.Equal(new RepoId(Host, "gitlab-org", "hello-world", VcsKind.GitLab), e.Pull.Ref.Repo);
        Assert.Equal(1, e.Pull.Ref.Number);
        Assert.Equal("c4c79227ed610f1151f05bbc5be33b4f340d39c8", e.Pull.HeadSha);
        Assert.Equal(("feature", "master"), (e.Pull.HeadBranch, e.Pull.BaseBranch));
        Assert.Equal("https://gitlab.com/gitlab-org/hello-world.git", e.Pull.HeadCloneUrl);
        Assert.Equal("sytses", e.Sender);
        Assert.Null(e.Pull.HeadRepo);
        Assert.Equal(PullRequestState.Open, e.Pull.State);
    }

    [Theory]
    [InlineData("merge_request.open.atlantis.json", PullRequestAction.Opened)]
    [InlineData("merge_request.open.go-gitlab.json", PullRequestAction.Opened)]
    [InlineData("merge_request.reopen.json", PullRequestAction.Reopened)]
    [InlineData("merge_request.update.new-commit.json", PullRequestAction.Synchronized)]
    [InlineData("merge_request.update.mark-as-ready.json", PullRequestAction.ReadyForReview)]
    [InlineData("merge_request.merge.json", PullRequestAction.Closed)]
    [InlineData("merge_request.close.json", PullRequestAction.Closed)]
    public void Every_merge_request_action_iacbot_acts_on_is_read(string file, PullRequestAction action)
    {
        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read(MergeRequestHook, file)).Event;

        Assert.Equal(action, e.Action);
        Assert.NotEmpty(e.Pull.HeadSha);
    }

    [Fact]
    public void A_merged_merge_request_is_closed_as_merged()
    {
        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read(MergeRequestHook, "merge_request.merge.json")).Event;

        Assert.Equal(PullRequestState.Merged, e.Pull.State);
    }

    [Fact]
    public void An_update_without_new_commits_is_ignored()
    {
        Assert.IsType<WebhookParseResult.Ignored>(Read(MergeRequestHook, "merge_request.update.title-only.json"));
    }

    [Fact]
    public void A_draft_merge_request_is_read_as_a_draft()
    {
        var payload = Payload("merge_request.open.atlantis.json");
        payload["object_attributes"]!["draft"] = true;

        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read(MergeRequestHook, payload)).Event;

        Assert.True(e.Pull.IsDraft);
    }

    [Fact]
    public void A_merge_request_from_a_fork_names_the_fork()
    {
        var payload = Payload("merge_request.open.go-gitlab.json");
        payload["object_attributes"]!["source_project_id"] = 999;

        var e = Assert.IsType<WebhookParseResult.PullRequest>(Read(MergeRequestHook, payload)).Event;

        Assert.Equal(new RepoId(Host, "awesome_space", "awesome_project", VcsKind.GitLab), e.Pull.HeadRepo);
        Assert.Equal("http://example.com/awesome_space/awesome_project.git", e.Pull.HeadCloneUrl);
        Assert.Equal("http://example.com/awesome_space/awesome_project.git", e.Pull.BaseCloneUrl);
    }

    [Fact]
    public void A_real_note_on_a_merge_request_is_a_comment_by_the_event_s_user()
    {
        var e = Assert.IsType<WebhookParseResult.Comment>(Read(NoteHook, "note.merge_request.atlantis.json")).Event;

        Assert.Equal(new PullRequestRef(new RepoId(Host, "gitlabhq", "gitlab-test", VcsKind.GitLab), 1), e.Pull);
        Assert.Equal("root", e.Author);
        Assert.Equal("This MR needs work.", e.Body);
    }

    [Fact]
    public void A_note_in_a_nested_group_keeps_the_whole_namespace_as_owner()
    {
        var e = Assert.IsType<WebhookParseResult.Comment>(Read(NoteHook, "note.merge_request.subgroup.atlantis.json")).Event;

        Assert.Equal(new RepoId(Host, "lkysow-test/subgroup/sub-subgroup", "atlantis-example", VcsKind.GitLab), e.Pull.Repo);
        Assert.Equal("!2", e.Pull.ShortReference);
        Assert.Equal("atlantis plan", e.Body);
    }

    [Theory]
    [InlineData("note.merge_request.json")]
    [InlineData("note.merge_request.go-scm.json")]
    public void Every_real_note_on_a_merge_request_is_read(string file)
    {
        Assert.IsType<WebhookParseResult.Comment>(Read(NoteHook, file));
    }

    [Fact]
    public void The_bot_s_own_notes_are_ignored_whatever_their_case()
    {
        Assert.IsType<WebhookParseResult.Ignored>(Read(NoteHook, Payload("note.merge_request.atlantis.json"), botUser: "ROOT"));
    }

    [Fact]
    public void A_system_note_is_ignored()
    {
        var payload = Payload("note.merge_request.atlantis.json");
        payload["object_attributes"]!["system"] = true;

        Assert.IsType<WebhookParseResult.Ignored>(Read(NoteHook, payload));
    }

    [Theory]
    [InlineData("Commit")]
    [InlineData("Issue")]
    [InlineData("Snippet")]
    public void A_note_on_something_other_than_a_merge_request_is_ignored(string noteable)
    {
        var payload = Payload("note.merge_request.atlantis.json");
        payload["object_attributes"]!["noteable_type"] = noteable;

        Assert.IsType<WebhookParseResult.Ignored>(Read(NoteHook, payload));
    }

    [Fact]
    public void An_edited_note_is_ignored()
    {
        var payload = Payload("note.merge_request.json");
        payload["object_attributes"]!["action"] = "update";

        Assert.IsType<WebhookParseResult.Ignored>(Read(NoteHook, payload));
    }

    [Theory]
    [InlineData("Push Hook")]
    [InlineData("Pipeline Hook")]
    [InlineData("System Hook")]
    public void Other_events_are_ignored(string eventName)
    {
        Assert.IsType<WebhookParseResult.Ignored>(GitLabPayloadReader.Read(eventName, "{}"u8.ToArray(), Host, null));
    }

    [Theory]
    [InlineData("user", "'user'")]
    [InlineData("project", "'project'")]
    [InlineData("merge_request", "'merge_request'")]
    public void A_note_missing_a_field_is_refused_naming_it(string field, string named)
    {
        var payload = Payload("note.merge_request.atlantis.json");
        payload.Remove(field);

        var invalid = Assert.IsType<WebhookParseResult.Invalid>(Read(NoteHook, payload));

        Assert.Contains(named, invalid.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("last_commit")]
    [InlineData("iid")]
    [InlineData("source_branch")]
    [InlineData("action")]
    public void A_merge_request_missing_a_field_is_refused_naming_it(string field)
    {
        var payload = Payload("merge_request.open.atlantis.json");
        ((JsonObject)payload["object_attributes"]!).Remove(field);

        var invalid = Assert.IsType<WebhookParseResult.Invalid>(Read(MergeRequestHook, payload));

        Assert.Contains($"object_attributes.{field}", invalid.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("acme/..")]
    [InlineData("justone")]
    [InlineData("acme//infra")]
    [InlineData("acme/in fra")]
    public void A_project_path_that_is_not_a_gitlab_path_is_refused(string path)
    {
        var payload = Payload("note.merge_request.atlantis.json");
        payload["project"]!["path_with_namespace"] = path;

        Assert.IsType<WebhookParseResult.Invalid>(Read(NoteHook, payload));
    }

    [Fact]
    public void The_host_comes_from_the_settings_never_from_the_payload()
    {
        var payload = Payload("note.merge_request.atlantis.json");
        payload["project"]!["web_url"] = "https://evil.example.com/gitlabhq/gitlab-test";

        var e = Assert.IsType<WebhookParseResult.Comment>(Read(NoteHook, payload)).Event;

        Assert.Equal(Host, e.Pull.Repo.Host);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"object_kind":"note"}""")]
    public void A_malformed_merge_request_hook_is_refused(string body)
    {
        Assert.IsType<WebhookParseResult.Invalid>(GitLabPayloadReader.Read(MergeRequestHook, Encoding.UTF8.GetBytes(body), Host, null));
    }

    [Fact]
    public void A_note_payload_sent_as_a_merge_request_hook_is_refused()
    {
        Assert.IsType<WebhookParseResult.Invalid>(Read(MergeRequestHook, Payload("note.merge_request.atlantis.json")));
    }

    [Fact]
    public void A_deeply_nested_payload_is_refused_without_crashing()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);

        Assert.IsType<WebhookParseResult.Invalid>(GitLabPayloadReader.Read(NoteHook, Encoding.UTF8.GetBytes(body), Host, null));
    }

    private static WebhookParseResult Read(string eventName, string file) =>
        GitLabPayloadReader.Read(eventName, File.ReadAllBytes(FixturePath(file)), Host, null);

    private static WebhookParseResult Read(string eventName, JsonObject payload, string? botUser = null) =>
        GitLabPayloadReader.Read(eventName, Encoding.UTF8.GetBytes(payload.ToJsonString()), Host, botUser);

    private static JsonObject Payload(string file) => JsonNode.Parse(File.ReadAllText(FixturePath(file)))!.AsObject();

    private static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gitlab", "webhooks", file);
}
