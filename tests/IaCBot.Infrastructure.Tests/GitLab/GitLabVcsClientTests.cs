using System.Text.Json;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.GitLab;

public sealed class GitLabVcsClientTests : IDisposable
{
    private const string Project = "/projects/acme%2Fplatform%2Finfra";

    private readonly GitLabApiServer _gitlab = new();

    private RepoId Repo => new(_gitlab.Host, "acme/platform", "infra", VcsKind.GitLab);

    private PullRequestRef Pull(int iid) => new(Repo, iid);

    public void Dispose() => _gitlab.Dispose();

    [Fact]
    public async Task A_merge_request_in_a_nested_group_is_read_with_its_project_path_url_encoded()
    {
        _gitlab.AnswerFixture("GET", $"{Project}/merge_requests/14656", "get-merge-request.json");
        _gitlab.Answer("GET", Project, 200, ProjectJson(278964, "acme/platform/infra"));

        var pull = await _gitlab.Client.GetPullRequestAsync(Pull(14656), CancellationToken.None);

        Assert.Equal("8e0b45049b6253b8984cde9241830d2851168142", pull.HeadSha);
        Assert.Equal(("delete-designs-v2", "master"), (pull.HeadBranch, pull.BaseBranch));
        Assert.Equal("alexkalderimis", pull.Author);
        Assert.True(pull.IsDraft);
        Assert.Equal(PullRequestState.Open, pull.State);
        Assert.Equal((true, "clean"), (pull.Mergeable, pull.MergeableState));
        Assert.Equal("https://gitlab.com/gitlab-org/gitlab-ee/merge_requests/14656", pull.HtmlUrl);
        Assert.Null(pull.HeadRepo);
        Assert.Equal("https://gitlab.example.com/acme/platform/infra.git", pull.HeadCloneUrl);
        Assert.Equal(pull.HeadCloneUrl, pull.BaseCloneUrl);
        Assert.Equal("!14656", pull.Ref.ShortReference);
        Assert.Equal([$"GET /api/v4{Project}/merge_requests/14656", $"GET /api/v4{Project}"], _gitlab.Requests);
    }

    [Fact]
    public async Task A_merge_request_from_a_fork_is_fetched_from_the_fork()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/3", 200, MergeRequestJson(3, sourceProjectId: 77, targetProjectId: 10));
        _gitlab.Answer("GET", Project, 200, ProjectJson(10, "acme/platform/infra"));
        _gitlab.Answer("GET", "/projects/77", 200, ProjectJson(77, "mallory/infra"));

        var pull = await _gitlab.Client.GetPullRequestAsync(Pull(3), CancellationToken.None);

        Assert.Equal(new RepoId(_gitlab.Host, "mallory", "infra", VcsKind.GitLab), pull.HeadRepo);
        Assert.Equal("https://gitlab.example.com/mallory/infra.git", pull.HeadCloneUrl);
        Assert.Equal("https://gitlab.example.com/acme/platform/infra.git", pull.BaseCloneUrl);
    }

    [Fact]
    public async Task A_merge_request_from_a_fork_gitlab_no_longer_shows_counts_as_a_fork()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/3", 200, MergeRequestJson(3, sourceProjectId: 77, targetProjectId: 10));
        _gitlab.Answer("GET", Project, 200, ProjectJson(10, "acme/platform/infra"));
        _gitlab.Answer("GET", "/projects/77", 404, """{"message":"404 Project Not Found"}""");

        var pull = await _gitlab.Client.GetPullRequestAsync(Pull(3), CancellationToken.None);

        Assert.NotNull(pull.HeadRepo);
        Assert.Equal("", pull.HeadRepo.Owner);
    }

    [Theory]
    [InlineData("mergeable", null, true, "clean")]
    [InlineData("checking", null, null, "checking")]
    [InlineData("not_approved", null, false, "not_approved")]
    [InlineData("broken_status", null, false, "broken_status")]
    [InlineData(null, "can_be_merged", true, "clean")]
    [InlineData(null, "cannot_be_merged", false, "cannot_be_merged")]
    public async Task Mergeability_follows_gitlab_s_merge_status(string? detailed, string? coarse, bool? mergeable, string state)
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/5", 200, MergeRequestJson(5, 10, 10, detailed, coarse));
        _gitlab.Answer("GET", Project, 200, ProjectJson(10, "acme/platform/infra"));

        var pull = await _gitlab.Client.GetPullRequestAsync(Pull(5), CancellationToken.None);

        Assert.Equal((mergeable, state), (pull.Mergeable, pull.MergeableState));
    }

    [Fact]
    public async Task Changed_files_are_read_across_every_page_with_both_paths_of_a_rename()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/7/diffs", 200,
            """[{"old_path":"old/main.tf","new_path":"new/main.tf","renamed_file":true}]""",
            new Dictionary<string, string> { ["X-Next-Page"] = "2", ["X-Page"] = "1" });
        _gitlab.Answer("GET", $"{Project}/merge_requests/7/diffs", 200, GitLabApiServer.Fixture("list-merge-request-diffs.json"),
            new Dictionary<string, string> { ["X-Next-Page"] = "", ["X-Page"] = "2" }, query: "page=2");

        var files = await _gitlab.Client.ListChangedFilesAsync(Pull(7), CancellationToken.None);

        Assert.Equal(["new/main.tf", "old/main.tf", "README", "VERSION"], files);
        Assert.Contains($"GET /api/v4{Project}/merge_requests/7/diffs?per_page=100&page=2", _gitlab.Requests);
    }

    [Fact]
    public async Task A_GitLab_older_than_15_7_without_diffs_has_the_files_read_from_changes()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/7/diffs", 404, """{"message":"404 Not found"}""");
        _gitlab.AnswerFixture("GET", $"{Project}/merge_requests/7/changes", "get-merge-request-changes.json");

        var files = await _gitlab.Client.ListChangedFilesAsync(Pull(7), CancellationToken.None);

        Assert.Equal(["VERSION"], files);
    }

    [Fact]
    public async Task Changes_cut_short_by_the_diff_limit_are_refused_rather_than_planned_in_part()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/7/diffs", 404, """{"message":"404 Not found"}""");
        _gitlab.Answer("GET", $"{Project}/merge_requests/7/changes", 200,
            """{"iid":7,"overflow":true,"changes":[{"old_path":"a/main.tf","new_path":"a/main.tf"}]}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.ListChangedFilesAsync(Pull(7), CancellationToken.None));

        Assert.StartsWith($"GitLab listed only part of the files of {Pull(7)} (its diff limit cut the list)", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_merge_request_that_does_not_exist_is_still_a_404()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/7/diffs", 404, """{"message":"404 Not found"}""");
        _gitlab.Answer("GET", $"{Project}/merge_requests/7/changes", 404, """{"message":"404 Not found"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.ListChangedFilesAsync(Pull(7), CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task A_list_paged_by_link_header_is_followed_only_on_the_same_host()
    {
        var next = $"{_gitlab.Server.Url}/api/v4{Project}/merge_requests/8/notes?cursor=abc";
        _gitlab.Answer("GET", $"{Project}/merge_requests/8/notes", 200, """[{"id":1,"body":"first","system":false,"author":{"id":1,"username":"alice"}}]""",
            new Dictionary<string, string> { ["Link"] = $"<{next}>; rel=\"next\"" });
        _gitlab.Answer("GET", $"{Project}/merge_requests/8/notes", 200, """[{"id":2,"body":"second","system":false,"author":{"id":2,"username":"bob"}}]""",
            new Dictionary<string, string> { ["Link"] = "<https://elsewhere.example.com/steal?page=3>; rel=\"next\"" }, query: "cursor=abc");

        var comments = await _gitlab.Client.ListCommentsAsync(Pull(8), CancellationToken.None);

        Assert.Equal(["first", "second"], comments.Select(c => c.Body));
    }

    [Fact]
    public async Task Notes_are_listed_without_gitlab_s_system_notes()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/9/notes", 200, """
            [{"id":11,"body":"added 1 commit","system":true,"author":{"id":1,"username":"alice"}},
             {"id":12,"body":"iacbot plan","system":false,"author":{"id":1,"username":"alice"}}]
            """);

        var comments = await _gitlab.Client.ListCommentsAsync(Pull(9), CancellationToken.None);

        Assert.Equal([new PostedComment(12, "alice", "iacbot plan")], comments);
    }

    [Fact]
    public async Task Approvers_count_as_approving_reviews()
    {
        _gitlab.AnswerFixture("GET", $"{Project}/merge_requests/5/approvals", "get-merge-request-approvals.json");

        var reviews = await _gitlab.Client.ListReviewsAsync(Pull(5), CancellationToken.None);

        Assert.Equal([new Review("root", "APPROVED", null)], reviews);
    }

    [Fact]
    public async Task A_comment_is_posted_as_a_note_with_the_token_in_the_private_token_header()
    {
        _gitlab.AnswerFixture("POST", $"{Project}/merge_requests/5/notes", "create-merge-request-note.json", 201);

        var id = await _gitlab.Client.CreateCommentAsync(Pull(5), "Ran Plan", CancellationToken.None);

        Assert.Equal(301, id);
        var request = Assert.Single(_gitlab.Server.LogEntries).RequestMessage!;
        Assert.Equal(GitLabApiServer.Token, request.Headers!["PRIVATE-TOKEN"].Single());
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("Ran Plan", JsonDocument.Parse(request.Body!).RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_commit_status_is_posted_under_its_context_as_name()
    {
        _gitlab.AnswerFixture("POST", $"{Project}/statuses/18f3e63d", "create-commit-status.json", 201);

        await _gitlab.Client.SetCommitStatusAsync(
            Repo, "18f3e63d", new CommitStatus("iacbot/plan", CommitState.Pending, new string('x', 300), "https://iacbot.example.com/runs/1"),
            CancellationToken.None);

        var body = JsonDocument.Parse(Assert.Single(_gitlab.Server.LogEntries).RequestMessage!.Body!).RootElement;
        Assert.Equal("running", body.GetProperty("state").GetString());
        Assert.Equal("iacbot/plan", body.GetProperty("name").GetString());
        Assert.Equal(255, body.GetProperty("description").GetString()!.Length);
        Assert.Equal("https://iacbot.example.com/runs/1", body.GetProperty("target_url").GetString());
    }

    [Theory]
    [InlineData(CommitState.Success, "success")]
    [InlineData(CommitState.Failure, "failed")]
    [InlineData(CommitState.Error, "failed")]
    public async Task Finished_statuses_use_gitlab_s_states(CommitState state, string expected)
    {
        _gitlab.AnswerFixture("POST", $"{Project}/statuses/abc", "create-commit-status.json", 201);

        await _gitlab.Client.SetCommitStatusAsync(Repo, "abc", new CommitStatus("iacbot/apply", state, "done"), CancellationToken.None);

        var body = JsonDocument.Parse(Assert.Single(_gitlab.Server.LogEntries).RequestMessage!.Body!).RootElement;
        Assert.Equal(expected, body.GetProperty("state").GetString());
        Assert.False(body.TryGetProperty("target_url", out _));
    }

    [Fact]
    public async Task A_branch_with_a_slash_is_deleted_by_its_url_encoded_name()
    {
        _gitlab.Answer("DELETE", $"{Project}/repository/branches/feature%2Fnetwork", 204, "");

        await _gitlab.Client.DeleteBranchAsync(Repo, "feature/network", CancellationToken.None);

        Assert.Equal([$"DELETE /api/v4{Project}/repository/branches/feature%2Fnetwork"], _gitlab.Requests);
    }

    [Fact]
    public async Task A_merge_is_a_put_on_the_merge_request()
    {
        _gitlab.Answer("PUT", $"{Project}/merge_requests/5/merge", 200, MergeRequestJson(5, 10, 10, "mergeable", null));

        await _gitlab.Client.MergeAsync(Pull(5), CancellationToken.None);

        Assert.Equal([$"PUT /api/v4{Project}/merge_requests/5/merge"], _gitlab.Requests);
    }

    [Fact]
    public void A_note_may_be_as_long_as_gitlab_allows()
    {
        Assert.Equal(1_000_000, _gitlab.Client.MaxCommentLength(Repo));
    }

    internal static string ProjectJson(long id, string path) =>
        $$"""{"id":{{id}},"path_with_namespace":"{{path}}","http_url_to_repo":"https://gitlab.example.com/{{path}}.git"}""";

    internal static string MergeRequestJson(int iid, long sourceProjectId, long targetProjectId, string? detailed = "mergeable", string? coarse = "can_be_merged") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["iid"] = iid, ["sha"] = "0123456789abcdef", ["source_branch"] = "change", ["target_branch"] = "main", ["draft"] = false,
            ["state"] = "opened", ["detailed_merge_status"] = detailed, ["merge_status"] = coarse, ["web_url"] = $"https://gitlab.example.com/mr/{iid}",
            ["author"] = new { id = 5, username = "alice" }, ["source_project_id"] = sourceProjectId, ["target_project_id"] = targetProjectId,
        });
}
