using System.Text.Json;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.Gitea;

public sealed class GiteaVcsClientWriteTests : IDisposable
{
    private readonly GiteaApiSite _site = new();

    private RepoId Repo => new(_site.Settings.Host, "acme", "infra", VcsKind.Gitea);

    private PullRequestRef Pull => new(Repo, 7);

    [Fact]
    public async Task A_comment_is_posted_on_the_pull_requests_issue_and_its_id_returned()
    {
        _site.Answer("POST", "repos/acme/infra/issues/7/comments", 201, GiteaApiSite.Fixture("create-issue-comment.json"));

        var id = await _site.Client().CreateCommentAsync(Pull, "Ran Plan for 1 project", CancellationToken.None);

        Assert.Equal(74, id);
        Assert.Equal("Ran Plan for 1 project", Body(0).GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(CommitState.Pending, "pending")]
    [InlineData(CommitState.Success, "success")]
    [InlineData(CommitState.Failure, "failure")]
    [InlineData(CommitState.Error, "error")]
    public async Task A_commit_status_is_posted_in_giteas_words(CommitState state, string expected)
    {
        _site.Answer("POST", "repos/acme/infra/statuses/abc123", 201, GiteaApiSite.Fixture("create-commit-status.json"));

        await _site.Client().SetCommitStatusAsync(
            Repo, "abc123", new CommitStatus("iacbot/plan", state, "1 project planned", "https://iacbot.example.com/runs/1"), CancellationToken.None);

        var body = Body(0);
        Assert.Equal(expected, body.GetProperty("state").GetString());
        Assert.Equal("iacbot/plan", body.GetProperty("context").GetString());
        Assert.Equal("1 project planned", body.GetProperty("description").GetString());
        Assert.Equal("https://iacbot.example.com/runs/1", body.GetProperty("target_url").GetString());
    }

    [Fact]
    public async Task A_merge_asks_gitea_for_a_merge_commit()
    {
        _site.Answer("POST", "repos/acme/infra/pulls/7/merge", 200);

        await _site.Client().MergeAsync(Pull, CancellationToken.None);

        Assert.Equal("merge", Body(0).GetProperty("Do").GetString());
    }

    [Theory]
    [InlineData(405, "Please try again later")]
    [InlineData(409, "Merge conflict: the head branch changed")]
    public async Task A_refused_merge_fails_with_giteas_reason(int status, string reason)
    {
        _site.Answer("POST", "repos/acme/infra/pulls/7/merge", status, JsonSerializer.Serialize(new { message = reason, url = "https://gitea.example.com/api/swagger" }));

        var error = await Assert.ThrowsAsync<VcsException>(() => _site.Client().MergeAsync(Pull, CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(status, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_branch_with_slashes_is_deleted_by_its_full_name()
    {
        _site.Answer("DELETE", "repos/acme/infra/branches/feature/new-vpc", 204);

        await _site.Client().DeleteBranchAsync(Repo, "feature/new-vpc", CancellationToken.None);

        Assert.Equal("/api/v1/repos/acme/infra/branches/feature/new-vpc", _site.Requests.Single().Url);
    }

    [Theory]
    [InlineData("owner", RepoRole.Admin)]
    [InlineData("admin", RepoRole.Admin)]
    [InlineData("write", RepoRole.Write)]
    [InlineData("read", RepoRole.Read)]
    [InlineData("none", RepoRole.None)]
    [InlineData("something-new", RepoRole.None)]
    public async Task A_users_permission_maps_to_a_role(string permission, RepoRole expected)
    {
        _site.Answer("GET", "repos/acme/infra/collaborators/alice/permission", 200,
            JsonSerializer.Serialize(new { permission, role_name = permission, user = new { login = "alice" } }));

        Assert.Equal(expected, await _site.Client().GetPermissionAsync(Repo, "alice", CancellationToken.None));
    }

    [Fact]
    public async Task A_user_gitea_does_not_know_has_no_role()
    {
        _site.Answer("GET", "repos/acme/infra/collaborators/ghost/permission", 404, """{"message":"user does not exist [uid: 0, name: ghost]"}""");

        Assert.Equal(RepoRole.None, await _site.Client().GetPermissionAsync(Repo, "ghost", CancellationToken.None));
    }

    [Fact]
    public async Task A_team_member_is_found_through_the_team_of_that_name()
    {
        AnswerTeams();
        _site.Answer("GET", "teams/12/members/alice", 200, """{"id":3,"login":"alice"}""");
        _site.Answer("GET", "teams/12/members/bob", 404, """{"message":"Not Found"}""");

        var client = _site.Client();

        Assert.True(await client.IsTeamMemberAsync(Repo, "acme", "platform", "alice", CancellationToken.None));
        Assert.False(await client.IsTeamMemberAsync(Repo, "acme", "platform", "bob", CancellationToken.None));
    }

    [Fact]
    public async Task No_one_is_a_member_of_a_team_or_organisation_that_does_not_exist()
    {
        AnswerTeams();
        _site.Answer("GET", "orgs/nowhere/teams/search", 404, """{"message":"Not Found"}""");

        var client = _site.Client();

        Assert.False(await client.IsTeamMemberAsync(Repo, "acme", "platform-ops", "alice", CancellationToken.None));
        Assert.False(await client.IsTeamMemberAsync(Repo, "nowhere", "platform", "alice", CancellationToken.None));
    }

    private void AnswerTeams() =>
        _site.Answer("GET", "orgs/acme/teams/search", 200, JsonSerializer.Serialize(new
        {
            ok = true,
            data = new[] { new { id = 11, name = "Platform-Ops-Old" }, new { id = 12, name = "Platform" } },
        }));

    private JsonElement Body(int request) => JsonDocument.Parse(_site.Requests[request].Body!).RootElement;

    public void Dispose() => _site.Dispose();
}
