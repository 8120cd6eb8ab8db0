using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.GitLab;

public sealed class GitLabAccessTests : IDisposable
{
    private const string Project = "/projects/acme%2Fplatform%2Finfra";

    private readonly GitLabApiServer _gitlab = new();

    private RepoId Repo => new(_gitlab.Host, "acme/platform", "infra", VcsKind.GitLab);

    public void Dispose() => _gitlab.Dispose();

    [Theory]
    [InlineData(10, RepoRole.Read)]
    [InlineData(20, RepoRole.Triage)]
    [InlineData(30, RepoRole.Write)]
    [InlineData(40, RepoRole.Maintain)]
    [InlineData(50, RepoRole.Admin)]
    [InlineData(5, RepoRole.None)]
    public async Task A_member_s_access_level_is_their_role(int accessLevel, RepoRole role)
    {
        AddUser("carol", 42);
        _gitlab.Answer("GET", $"{Project}/members/all/42", 200, Member(42, "carol", accessLevel, "active"));

        Assert.Equal(role, await _gitlab.Client.GetPermissionAsync(Repo, "carol", CancellationToken.None));
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_has_no_role()
    {
        AddUser("dave", 43);
        _gitlab.Answer("GET", $"{Project}/members/all/43", 404, """{"message":"404 Not found"}""");

        Assert.Equal(RepoRole.None, await _gitlab.Client.GetPermissionAsync(Repo, "dave", CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_user_has_no_role()
    {
        _gitlab.Answer("GET", "/users", 200, "[]", query: "username=nobody");

        Assert.Equal(RepoRole.None, await _gitlab.Client.GetPermissionAsync(Repo, "nobody", CancellationToken.None));
    }

    [Fact]
    public async Task A_blocked_member_has_no_role()
    {
        AddUser("erin", 44);
        _gitlab.Answer("GET", $"{Project}/members/all/44", 200, Member(44, "erin", 40, "blocked"));

        Assert.Equal(RepoRole.None, await _gitlab.Client.GetPermissionAsync(Repo, "erin", CancellationToken.None));
    }

    [Fact]
    public async Task A_team_is_the_group_at_organization_slash_team()
    {
        AddUser("carol", 42);
        _gitlab.Answer("GET", "/groups/acme%2Fplatform/members/all/42", 200, Member(42, "carol", 30, "active"));

        Assert.True(await _gitlab.Client.IsTeamMemberAsync(Repo, "acme", "platform", "carol", CancellationToken.None));
    }

    [Fact]
    public async Task Someone_outside_the_group_or_only_invited_is_not_in_the_team()
    {
        AddUser("dave", 43);
        AddUser("frank", 45);
        _gitlab.Answer("GET", "/groups/acme%2Fplatform/members/all/43", 404, """{"message":"404 Not found"}""");
        _gitlab.Answer("GET", "/groups/acme%2Fplatform/members/all/45", 200, Member(45, "frank", 30, "awaiting"));

        Assert.False(await _gitlab.Client.IsTeamMemberAsync(Repo, "acme", "platform", "dave", CancellationToken.None));
        Assert.False(await _gitlab.Client.IsTeamMemberAsync(Repo, "acme", "platform", "frank", CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_member_lookup_is_an_error_not_a_refusal()
    {
        AddUser("carol", 42);
        _gitlab.Answer("GET", $"{Project}/members/all/42", 502, "Bad gateway");

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.GetPermissionAsync(Repo, "carol", CancellationToken.None));

        Assert.True(error.IsTransient);
    }

    private void AddUser(string username, long id) =>
        _gitlab.Answer("GET", "/users", 200, $$"""[{"id":{{id}},"username":"{{username}}","state":"active"}]""", query: $"username={username}");

    private static string Member(long id, string username, int accessLevel, string state) =>
        $$"""{"id":{{id}},"username":"{{username}}","access_level":{{accessLevel}},"state":"{{state}}"}""";
}
