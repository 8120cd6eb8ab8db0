using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.GitLab;

public sealed class GitLabErrorTests : IDisposable
{
    private const string Project = "/projects/acme%2Finfra";

    private readonly GitLabApiServer _gitlab = new();

    private PullRequestRef Pull => new(new RepoId(_gitlab.Host, "acme", "infra", VcsKind.GitLab), 4);

    public void Dispose() => _gitlab.Dispose();

    [Fact]
    public async Task A_missing_merge_request_is_a_lasting_failure()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/4", 404, """{"message":"404 Not found"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.GetPullRequestAsync(Pull, CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Contains("404 Not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_transient_and_never_quotes_the_token()
    {
        _gitlab.Answer("POST", $"{Project}/merge_requests/4/notes", 500, $$"""{"message":"failed for PRIVATE-TOKEN {{GitLabApiServer.Token}}"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.CreateCommentAsync(Pull, "hi", CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.DoesNotContain(GitLabApiServer.Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GitLabApiServer.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_says_how_long_gitlab_asked_to_wait()
    {
        _gitlab.Answer("GET", $"{Project}/merge_requests/4/approvals", 429, """{"message":"Retry later"}""",
            new Dictionary<string, string> { ["Retry-After"] = "42", ["RateLimit-Remaining"] = "0" });

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.ListReviewsAsync(Pull, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
    }

    [Fact]
    public async Task Without_retry_after_the_wait_lasts_until_the_rate_limit_resets()
    {
        var reset = _gitlab.Time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds();
        _gitlab.Answer("GET", $"{Project}/merge_requests/4/approvals", 429, """{"message":"Retry later"}""",
            new Dictionary<string, string> { ["RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.ListReviewsAsync(Pull, CancellationToken.None));

        Assert.Equal(TimeSpan.FromMinutes(3), error.RetryAfter);
    }

    [Theory]
    [InlineData(405, "405 Method Not Allowed")]
    [InlineData(406, "Branch cannot be merged")]
    [InlineData(409, "SHA does not match HEAD of source branch")]
    [InlineData(422, "Merge request is not mergeable")]
    public async Task A_refused_merge_says_gitlab_s_reason(int status, string reason)
    {
        _gitlab.Answer("PUT", $"{Project}/merge_requests/4/merge", status, $$"""{"message":"{{reason}}"}""");

        var error = await Assert.ThrowsAsync<VcsException>(() => _gitlab.Client.MergeAsync(Pull, CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_errors_are_quoted_as_gitlab_gave_them()
    {
        _gitlab.Answer("POST", $"{Project}/statuses/abc", 400, """{"message":{"state":["is invalid"]}}""");

        var error = await Assert.ThrowsAsync<VcsException>(() =>
            _gitlab.Client.SetCommitStatusAsync(Pull.Repo, "abc", new CommitStatus("iacbot/plan", CommitState.Success, "ok"), CancellationToken.None));

        Assert.Contains("is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_gitlab_is_transient()
    {
        var address = _gitlab.Server.Url!;
        _gitlab.Server.Stop();
        var client = new IaCBot.Infrastructure.GitLab.GitLabVcsClient(
            new IaCBot.Infrastructure.GitLab.GitLabSettings(new Uri(address), GitLabApiServer.Token), () => new HttpClient(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<VcsException>(() => client.ListCommentsAsync(Pull, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.DoesNotContain(GitLabApiServer.Token, error.ToString(), StringComparison.Ordinal);
    }
}
