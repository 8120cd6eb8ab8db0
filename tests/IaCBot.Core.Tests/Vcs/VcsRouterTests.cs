using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Vcs;

public sealed class VcsRouterTests
{
    private static readonly RepoId OnGitHub = new("github.com", "acme", "infra");
    private static readonly RepoId OnGitLab = new("gitlab.example.com", "platform/network", "infra", VcsKind.GitLab);

    [Fact]
    public async Task Each_call_goes_to_the_client_of_the_repositorys_host()
    {
        var github = new ScriptedVcsClient();
        var gitlab = new ScriptedVcsClient();
        var router = new VcsRouter([new("github.com", github), new("gitlab.example.com", gitlab, VcsKind.GitLab)]);

        await router.CreateCommentAsync(new PullRequestRef(OnGitLab, 7), "planned", CancellationToken.None);
        await router.CreateCommentAsync(new PullRequestRef(OnGitHub, 3), "applied", CancellationToken.None);

        Assert.Equal("planned", Assert.Single(gitlab.Comments).Body);
        Assert.Equal("applied", Assert.Single(github.Comments).Body);
    }

    [Fact]
    public async Task A_host_named_differently_in_links_goes_to_the_only_client_of_its_kind()
    {
        var github = new ScriptedVcsClient();
        var router = new VcsRouter([new("ghe.internal:8443", github)]);

        await router.CreateCommentAsync(new PullRequestRef(OnGitHub, 3), "planned", CancellationToken.None);

        Assert.Single(github.Comments);
    }

    [Fact]
    public async Task A_repository_on_an_unconfigured_host_gets_an_error_naming_the_host()
    {
        var router = new VcsRouter([new("github.com", new ScriptedVcsClient())]);

        var error = await Assert.ThrowsAsync<VcsException>(
            () => router.CreateCommentAsync(new PullRequestRef(OnGitLab, 7), "planned", CancellationToken.None));

        Assert.Contains("gitlab.example.com", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Two_clients_for_one_host_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new VcsRouter([new("github.com", new ScriptedVcsClient()), new("GitHub.com", new ScriptedVcsClient())]));

        Assert.Contains("github.com", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_gitlab_merge_request_is_referred_to_with_an_exclamation_mark()
    {
        Assert.Equal("!7", new PullRequestRef(OnGitLab, 7).ShortReference);
        Assert.Equal("#3", new PullRequestRef(OnGitHub, 3).ShortReference);
    }
}
