using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.Gitea;

/// <summary>How a ref named by the admin API (no pull request) is resolved on Gitea.</summary>
public sealed class GiteaRefTests : IDisposable
{
    private readonly GiteaApiSite _site = new();

    private RepoId Repo => new(_site.Settings.Host, "jcitizen", "my-repo", VcsKind.Gitea);

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_branch_resolves_to_its_commit_and_the_repository_s_clone_url()
    {
        _site.Answer("GET", "repos/jcitizen/my-repo/git/commits/main", 200,
            """{"sha":"4f5e7d8f15cf79387cfd8a0d30c58855ab61e138","url":"https://try.gitea.io/api/v1/repos/jcitizen/my-repo/git/commits/4f5e7d8f"}""");
        _site.Answer("GET", "repos/jcitizen/my-repo", 200,
            """{"id":1,"full_name":"jcitizen/my-repo","clone_url":"https://try.gitea.io/jcitizen/my-repo.git"}""");

        var commit = await _site.Client().ResolveRefAsync(Repo, "main", CancellationToken.None);

        Assert.Equal("4f5e7d8f15cf79387cfd8a0d30c58855ab61e138", commit.Sha);
        Assert.Equal("https://try.gitea.io/jcitizen/my-repo.git", commit.CloneUrl);
    }

    [Fact]
    public async Task A_ref_gitea_does_not_know_fails_with_its_404()
    {
        _site.Answer("GET", "repos/jcitizen/my-repo/git/commits/no-such-branch", 404, """{"message":"object does not exist"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _site.Client().ResolveRefAsync(Repo, "no-such-branch", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }
}
