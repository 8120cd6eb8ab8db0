using System.Net;
using System.Net.Sockets;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.Gitea;

namespace IaCBot.Infrastructure.Tests.Gitea;

public sealed class GiteaApiErrorTests : IDisposable
{
    private readonly GiteaApiSite _site = new();

    private PullRequestRef Pull => new(new RepoId(_site.Settings.Host, "acme", "infra", VcsKind.Gitea), 7);

    [Fact]
    public async Task A_missing_pull_request_is_a_lasting_failure_that_names_the_call()
    {
        _site.Answer("GET", "repos/acme/infra/pulls/7", 404, """{"message":"The target couldn't be found.","url":"https://gitea.example.com/api/swagger"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _site.Client().GetPullRequestAsync(Pull, CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Contains("get pull request", error.Message, StringComparison.Ordinal);
        Assert.Contains("The target couldn't be found.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_transient()
    {
        _site.Answer("POST", "repos/acme/infra/issues/7/comments", 500, """{"message":"database is locked"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _site.Client().CreateCommentAsync(Pull, "hello", CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_is_transient_and_says_how_long_to_wait()
    {
        _site.Answer("GET", "repos/acme/infra/issues/7/comments", 429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "7" });

        var error = await Assert.ThrowsAsync<VcsException>(() => _site.Client().ListCommentsAsync(Pull, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task The_token_never_appears_in_an_error_even_when_the_server_echoes_it()
    {
        _site.Answer("GET", "repos/acme/infra/pulls/7", 401, $$"""{"message":"token is invalid: {{GiteaApiSite.Token}}"}""");
        _site.Answer("POST", "repos/acme/infra/pulls/7/merge", 502, $"<html>bad gateway for token {GiteaApiSite.Token}</html>");

        var unauthorised = await Assert.ThrowsAsync<VcsException>(() => _site.Client().GetPullRequestAsync(Pull, CancellationToken.None));
        var badGateway = await Assert.ThrowsAsync<VcsException>(() => _site.Client().MergeAsync(Pull, CancellationToken.None));

        Assert.DoesNotContain(GiteaApiSite.Token, unauthorised.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GiteaApiSite.Token, badGateway.Message, StringComparison.Ordinal);
        Assert.Contains("token is invalid", unauthorised.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transient_failure()
    {
        var port = FreePort();
        using var http = new HttpClient();
        var client = new GiteaVcsClient(new GiteaSettings(new Uri($"http://127.0.0.1:{port}/"), GiteaApiSite.Token), () => http);

        var error = await Assert.ThrowsAsync<VcsException>(() => client.GetPullRequestAsync(Pull, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.DoesNotContain(GiteaApiSite.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_a_pull_request_is_a_lasting_failure()
    {
        _site.Answer("GET", "repos/acme/infra/pulls/7", 200, """{"number":7,"head":{"ref":"x"},"base":{"ref":"main"}}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _site.Client().GetPullRequestAsync(Pull, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("head.sha", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_lives_under_api_v1_also_below_a_sub_path()
    {
        Assert.Equal("https://example.com/git/api/v1/", new GiteaSettings(new Uri("https://example.com/git"), null).ApiUrl.AbsoluteUri);
        Assert.Equal("example.com:3000", new GiteaSettings(new Uri("http://example.com:3000/"), null).Host);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _site.Dispose();
}
