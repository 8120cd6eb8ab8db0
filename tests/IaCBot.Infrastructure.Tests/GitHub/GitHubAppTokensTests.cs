using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Infrastructure.Tests.GitHub;

/// <summary>IaCBot acting as a GitHub App: the API calls it makes carry the right installation's token, made once and renewed in time.</summary>
public sealed class GitHubAppTokensTests : IDisposable
{
    private const long AppId = 4242;
    private static readonly RepoId Infra = new("github.com", "acme", "infra");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TestAppKey _key = new();
    private readonly List<IDisposable> _disposables = [];

    [Fact]
    public async Task A_comment_is_posted_with_the_token_of_the_installation_on_the_repository_owner()
    {
        var github = Fake();
        github.Install("acme", 11);
        var client = Client(github);

        await client.CreateCommentAsync(new PullRequestRef(Infra, 1), "Ran plan", CancellationToken.None);

        var authorization = Assert.Single(github.Authorizations("/repos/acme/infra/issues/1/comments"));
        Assert.StartsWith("token ghs_", authorization, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(11, github.InstallationOf(authorization!["token ".Length..]));
    }

    [Fact]
    public async Task One_token_serves_every_call_until_shortly_before_it_expires()
    {
        var github = Fake();
        github.Install("acme", 11);
        var client = Client(github);

        for (var number = 1; number <= 5; number++)
        {
            await client.CreateCommentAsync(new PullRequestRef(Infra, number), "hello", CancellationToken.None);
        }

        _clock.Advance(FakeGitHubApp.TokenLifetime - GitHubAppTokens.RefreshBefore - TimeSpan.FromMinutes(1));
        await client.CreateCommentAsync(new PullRequestRef(Infra, 6), "hello", CancellationToken.None);
        Assert.Equal(1, github.Requests("/access_tokens"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        await client.CreateCommentAsync(new PullRequestRef(Infra, 7), "hello", CancellationToken.None);

        Assert.Equal(2, github.Requests("/access_tokens"));
        var tokens = github.Authorizations("/issues/").Distinct().ToList();
        Assert.Equal(2, tokens.Count);
        Assert.Equal(tokens[1], github.Authorizations("/issues/7/comments").Single());
    }

    [Fact]
    public async Task Calls_that_need_a_token_at_the_same_time_wait_for_one_request_for_it()
    {
        var github = Fake(tokenDelay: TimeSpan.FromMilliseconds(300));
        github.Install("acme", 11);
        var client = Client(github, installationId: 11);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(n =>
            Task.Run(() => client.CreateCommentAsync(new PullRequestRef(Infra, n), "hello", CancellationToken.None))));

        Assert.Equal(1, github.Requests("/access_tokens"));
        Assert.Equal(20, github.Requests("/comments"));
    }

    [Fact]
    public async Task The_installation_is_found_through_the_repository_once_per_owner()
    {
        var github = Fake();
        github.Install("acme", 11);
        github.Install("beta", 22);
        var client = Client(github);

        await client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None);
        await client.CreateCommentAsync(new PullRequestRef(Infra with { Name = "network" }, 1), "hello", CancellationToken.None);
        await client.CreateCommentAsync(new PullRequestRef(Infra with { Owner = "beta" }, 1), "hello", CancellationToken.None);

        Assert.Equal(1, github.Requests("/repos/acme/infra/installation"));
        Assert.Equal(0, github.Requests("/repos/acme/network/installation"));
        Assert.Equal(1, github.Requests("/repos/beta/infra/installation"));
        Assert.Equal(22, github.InstallationOf(github.Authorizations("/repos/beta/infra/issues").Single()!["token ".Length..]));
    }

    [Fact]
    public async Task A_configured_installation_is_used_without_looking_it_up()
    {
        var github = Fake();
        github.Install("acme", 11);
        var client = Client(github, installationId: 11);

        await client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None);

        Assert.Equal(0, github.Requests("/repos/acme/infra/installation"));
        Assert.Equal(1, github.Requests("/app/installations/11/access_tokens"));
    }

    [Fact]
    public async Task Team_membership_is_read_with_the_installation_on_the_teams_organisation()
    {
        var github = Fake();
        github.Install("acme", 11);
        github.Install("platform-org", 33);
        var client = Client(github);

        var member = await client.IsTeamMemberAsync(Infra, "platform-org", "sre", "alice", CancellationToken.None);

        Assert.True(member);
        Assert.Equal(1, github.Requests("/orgs/platform-org/installation"));
        Assert.Equal(33, github.InstallationOf(github.Authorizations("/teams/sre/").Single()!["token ".Length..]));
    }

    [Fact]
    public async Task A_repository_the_app_is_not_installed_on_is_named_in_the_error()
    {
        var github = Fake();
        var client = Client(github);

        var error = await Assert.ThrowsAsync<VcsException>(() =>
            client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains($"GitHub App {AppId} is not installed on acme/infra", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, github.Requests("/comments"));
    }

    [Fact]
    public async Task A_JWT_signed_with_a_key_GitHub_does_not_know_is_refused_and_never_shown()
    {
        using var otherKey = new TestAppKey();
        var github = Fake();
        github.Install("acme", 11);
        var client = Client(github, installationId: 11, key: otherKey);

        var error = await Assert.ThrowsAsync<VcsException>(() =>
            client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(0, github.Requests("/comments"));
        var jwt = github.Authorizations("/access_tokens").Single()!["Bearer ".Length..];
        Assert.DoesNotContain(jwt, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JWT_from_a_clock_far_behind_GitHubs_is_refused_as_expired()
    {
        var githubClock = new FakeTimeProvider(_clock.GetUtcNow() + TimeSpan.FromMinutes(15));
        var github = Fake(clock: githubClock);
        github.Install("acme", 11);
        var client = Client(github, installationId: 11);

        var error = await Assert.ThrowsAsync<VcsException>(() =>
            client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Git_is_given_the_installation_token_as_the_password_of_x_access_token()
    {
        var github = Fake();
        github.Install("acme", 11);
        var tokens = Tokens(github, null, _key);

        var credential = await tokens.GitCredentialAsync(Infra, CancellationToken.None);

        Assert.NotNull(credential);
        Assert.Equal("x-access-token", credential.User);
        Assert.Equal(11, github.InstallationOf(credential.Password));
        Assert.DoesNotContain(credential.Password, credential.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_by_a_new_one_and_the_call_goes_through()
    {
        var github = Fake();
        github.Install("acme", 11);
        var client = Client(github);
        await client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None);

        github.RevokeTokens();
        await client.CreateCommentAsync(new PullRequestRef(Infra, 2), "hello", CancellationToken.None);
        await client.CreateCommentAsync(new PullRequestRef(Infra, 3), "hello", CancellationToken.None);

        Assert.Equal(2, github.Requests("/access_tokens"));
        var second = github.Authorizations("/issues/2/comments");
        Assert.Equal(2, second.Count);
        Assert.NotEqual(second[0], second[1]);
        Assert.Equal(second[1], github.Authorizations("/issues/3/comments").Single());
    }

    [Fact]
    public async Task An_app_installed_again_is_found_again_when_its_old_token_is_refused()
    {
        var github = Fake();
        github.Install("acme", 11);
        var client = Client(github);
        await client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None);

        github.Install("acme", 12);
        await client.CreateCommentAsync(new PullRequestRef(Infra, 2), "hello", CancellationToken.None);

        var authorization = github.Authorizations("/issues/2/comments")[^1];
        Assert.Equal(12, github.InstallationOf(authorization!["token ".Length..]));
        Assert.Equal(2, github.Requests("/repos/acme/infra/installation"));
    }

    [Fact]
    public async Task A_token_refused_again_after_renewal_fails_the_call_without_asking_for_more()
    {
        var github = Fake();
        github.Install("acme", 11);
        github.RefuseEveryToken = true;
        var client = Client(github);

        var error = await Assert.ThrowsAsync<VcsException>(() => client.CreateCommentAsync(new PullRequestRef(Infra, 1), "hello", CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal(2, github.Requests("/access_tokens"));
        Assert.Equal(2, github.Requests("/issues/1/comments"));
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _key.Dispose();
    }

    private FakeGitHubApp Fake(TimeProvider? clock = null, TimeSpan? tokenDelay = null)
    {
        var github = new FakeGitHubApp(AppId, _key.Key, clock ?? _clock, tokenDelay);
        _disposables.Add(github);
        return github;
    }

    private GitHubVcsClient Client(FakeGitHubApp github, long? installationId = null, TestAppKey? key = null) =>
        new(new GitHubSettings(github.ApiUrl, null), () => new HttpClientHandler(), _clock, Tokens(github, installationId, key ?? _key));

    private GitHubAppTokens Tokens(FakeGitHubApp github, long? installationId, TestAppKey key)
    {
        var tokens = new GitHubAppTokens(new GitHubAppSettings(AppId, key.Pem, installationId), github.ApiUrl, () => new HttpClientHandler(), _clock);
        _disposables.Add(tokens);
        return tokens;
    }
}
