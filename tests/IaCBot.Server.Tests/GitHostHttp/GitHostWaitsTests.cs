using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using IaCBot.Server.GitHostHttp;
using IaCBot.Server.GiteaApi;
using IaCBot.Server.GitLabApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace IaCBot.Server.Tests.GitHostHttp;

/// <summary>GitLab's and Gitea's pauses, read by the retry rules every Git host shares.</summary>
public sealed class GitHostWaitsTests
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_GitLab_read_refused_by_its_rate_limit_waits_until_the_reset()
    {
        var rules = new GitHostRetryRules(new GitLabWaits(), _time, MaxWait, NullLogger.Instance);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("RateLimit-Reset", _time.GetUtcNow().AddSeconds(12).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

        Assert.True(await rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Equal(TimeSpan.FromSeconds(12), await rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_successful_GitLab_answer_with_rate_limit_headers_asks_for_no_pause()
    {
        var rules = new GitHostRetryRules(new GitLabWaits(), _time, MaxWait, NullLogger.Instance);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("RateLimit-Reset", _time.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

        Assert.False(await rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Null(await rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_Gitea_read_asked_to_wait_longer_than_the_longest_wait_fails_at_once()
    {
        var rules = new GitHostRetryRules(new GiteaWaits(), _time, MaxWait, NullLogger.Instance);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(5));

        Assert.False(await rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_Gitea_read_that_failed_with_a_5xx_naming_no_wait_is_tried_again_with_backoff()
    {
        var rules = new GitHostRetryRules(new GiteaWaits(), _time, MaxWait, NullLogger.Instance);
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.True(await rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Null(await rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_failed_write_to_GitLab_is_never_tried_again()
    {
        var rules = new GitHostRetryRules(new GitLabWaits(), _time, MaxWait, NullLogger.Instance);
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.False(await rules.ShouldRetryAsync(HttpMethod.Post, Outcome.FromResult(response), default));
    }
}
