using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.GitLab;

/// <summary>How a ref named by the admin API (no merge request) is resolved on GitLab.</summary>
public sealed class GitLabRefTests : IDisposable
{
    private const string Project = "/projects/acme%2Fplatform%2Finfra";

    private readonly GitLabApiServer _gitlab = new();

    private RepoId Repo => new(_gitlab.Host, "acme/platform", "infra", VcsKind.GitLab);

    public void Dispose() => _gitlab.Dispose();

    [Fact]
    public async Task A_branch_with_a_slash_resolves_to_its_commit_and_the_project_s_clone_url()
    {
        _gitlab.Answer("GET", $"{Project}/repository/commits/release%2F1.2", 200,
            """{"id":"6104942438c14ec7bd21c6cd5bd995272b3faff6","short_id":"6104942438c","title":"Sanitize for network graph"}""");
        _gitlab.Answer("GET", Project, 200, GitLabVcsClientTests.ProjectJson(10, "acme/platform/infra"));

        var commit = await _gitlab.Client.ResolveRefAsync(Repo, "release/1.2", CancellationToken.None);

        Assert.Equal("6104942438c14ec7bd21c6cd5bd995272b3faff6", commit.Sha);
        Assert.Equal("https://gitlab.example.com/acme/platform/infra.git", commit.CloneUrl);
    }

    [Fact]
    public async Task A_ref_gitlab_does_not_know_fails_with_its_404()
    {
        _gitlab.Answer("GET", $"{Project}/repository/commits/no-such-branch", 404, """{"message":"404 Commit Not Found"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.ResolveRefAsync(Repo, "no-such-branch", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("no-such-branch", error.Message, StringComparison.Ordinal);
    }
}
