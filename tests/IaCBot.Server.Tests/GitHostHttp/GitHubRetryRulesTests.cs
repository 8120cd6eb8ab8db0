using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using IaCBot.Server.GitHostHttp;
using IaCBot.Server.GitHubApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;

namespace IaCBot.Server.Tests.GitHostHttp;

public sealed class GitHubRetryRulesTests
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private GitHostRetryRules Rules => new(new GitHubWaits(), _time, MaxWait, NullLogger.Instance);

    [Fact]
    public async Task A_read_with_no_requests_left_waits_until_the_reset_and_a_second_more()
    {
        using var response = RateLimited(HttpStatusCode.Forbidden, _time.GetUtcNow().AddSeconds(20));

        Assert.True(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Equal(TimeSpan.FromSeconds(21), await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task The_wait_for_a_reset_shrinks_as_time_passes()
    {
        using var response = RateLimited(HttpStatusCode.TooManyRequests, _time.GetUtcNow().AddSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(TimeSpan.FromSeconds(6), await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_reset_further_away_than_the_longest_wait_is_not_waited_for()
    {
        using var response = RateLimited(HttpStatusCode.Forbidden, _time.GetUtcNow().AddMinutes(30));

        Assert.False(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_reset_already_past_is_tried_again_after_the_clock_margin()
    {
        using var response = RateLimited(HttpStatusCode.Forbidden, _time.GetUtcNow().AddSeconds(-5));

        Assert.True(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Equal(GitHubWaitReader.ClockMargin, await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_its_retry_after()
    {
        using var response = Secondary(retryAfter: TimeSpan.FromSeconds(7));

        Assert.True(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Equal(TimeSpan.FromSeconds(7), await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_secondary_rate_limit_without_retry_after_waits_a_minute()
    {
        using var response = Secondary(retryAfter: null);

        Assert.True(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Equal(TimeSpan.FromMinutes(1), await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_retry_after_given_as_a_date_counts_from_now()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(12));

        Assert.True(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Equal(TimeSpan.FromSeconds(12), await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_forbidden_read_that_is_no_rate_limit_is_not_tried_again()
    {
        using var response = Json(HttpStatusCode.Forbidden, """{"message":"Resource not accessible by integration"}""");

        Assert.False(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Null(await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Fact]
    public async Task A_server_error_leaves_the_delay_to_the_backoff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.True(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromResult(response), default));
        Assert.Null(await Rules.DelayAsync(Outcome.FromResult(response), default));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_write_is_never_tried_again_by_the_handler_even_when_rate_limited_or_timed_out(string method)
    {
        using var response = RateLimited(HttpStatusCode.Forbidden, _time.GetUtcNow().AddSeconds(2));
        var verb = new HttpMethod(method);

        Assert.False(await Rules.ShouldRetryAsync(verb, Outcome.FromResult(response), default));
        Assert.False(await Rules.ShouldRetryAsync(verb, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), default));
    }

    [Fact]
    public async Task A_read_whose_attempt_timed_out_is_tried_again()
    {
        Assert.True(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), default));
    }

    [Fact]
    public async Task A_read_cancelled_by_its_caller_is_not_tried_again()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.False(await Rules.ShouldRetryAsync(HttpMethod.Get, Outcome.FromException<HttpResponseMessage>(new HttpRequestException("gone")), cancelled.Token));
    }

    private static HttpResponseMessage RateLimited(HttpStatusCode status, DateTimeOffset reset)
    {
        var response = Json(status, """{"message":"API rate limit exceeded for user ID 1."}""");
        response.Headers.Add("X-RateLimit-Remaining", "0");
        response.Headers.Add("X-RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage Secondary(TimeSpan? retryAfter)
    {
        var response = Json(HttpStatusCode.Forbidden, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}""");
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(delay);
        }

        return response;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
}
