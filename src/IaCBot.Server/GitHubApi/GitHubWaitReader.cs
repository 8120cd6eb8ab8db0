using System.Globalization;
using System.Net;

namespace IaCBot.Server.GitHubApi;

/// <summary>
/// Reads the pause GitHub asks for from a refused answer, as its REST docs tell clients to: with no requests left,
/// wait until <c>X-RateLimit-Reset</c>; on a secondary limit, wait <c>Retry-After</c>, or a minute when it names none.
/// </summary>
/// <seealso href="https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately"/>
internal static class GitHubWaitReader
{
    /// <summary>A secondary limit that names no wait is waited out for this long, as GitHub advises.</summary>
    public static readonly TimeSpan SecondaryDefault = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Added to a reset time: the reset is in whole seconds of GitHub's clock, and a call a moment early would only
    /// be refused again.
    /// </summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(1);

    public static async ValueTask<GitHubWait?> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if ((int)status < 400)
        {
            return null;
        }

        var retryAfter = RetryAfter(response, now);
        var limited = status is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests;
        if (limited && Header(response, "X-RateLimit-Remaining") == "0")
        {
            return ResetAt(response) is { } reset
                ? new GitHubWait(GitHubWaitKind.RateLimit, Max(reset - now, TimeSpan.Zero) + ClockMargin, reset)
                : new GitHubWait(GitHubWaitKind.SecondaryRateLimit, retryAfter ?? SecondaryDefault);
        }

        if (status == HttpStatusCode.Forbidden)
        {
            // Any other 403 is a refusal (no permission, say) unless it is the secondary limit.
            return retryAfter is not null || await SaysSecondaryLimitAsync(response, cancellationToken)
                ? new GitHubWait(GitHubWaitKind.SecondaryRateLimit, retryAfter ?? SecondaryDefault)
                : null;
        }

        return retryAfter is { } delay ? new GitHubWait(GitHubWaitKind.RetryAfter, delay) : null;
    }

    private static async ValueTask<bool> SaysSecondaryLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // The body is small (GitHub's error JSON) and buffered by reading, so Octokit can still read it afterwards.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => Max(delta, TimeSpan.Zero),
        { Date: { } date } => Max(date - now, TimeSpan.Zero),
        _ => null,
    };

    private static DateTimeOffset? ResetAt(HttpResponseMessage response) =>
        long.TryParse(Header(response, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds)
            ? DateTimeOffset.FromUnixTimeSeconds(epochSeconds)
            : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
