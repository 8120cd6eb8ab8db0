using System.Globalization;

namespace IaCBot.Infrastructure.GitLab;

/// <summary>How long GitLab asked a client to wait before the next call, read from a refused answer.</summary>
/// <seealso href="https://docs.gitlab.com/ee/administration/settings/user_and_ip_rate_limits.html#response-headers"/>
public static class GitLabWait
{
    /// <summary><c>Retry-After</c> (seconds or a date), else the time until <c>RateLimit-Reset</c>; null when GitLab named no wait.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => ResetAt(response) is { } reset ? reset - now : (TimeSpan?)null,
        };
        return wait is { } w ? (w > TimeSpan.Zero ? w : TimeSpan.Zero) : null;
    }

    private static DateTimeOffset? ResetAt(HttpResponseMessage response) =>
        response.Headers.TryGetValues("RateLimit-Reset", out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds)
            ? DateTimeOffset.FromUnixTimeSeconds(epochSeconds)
            : null;
}
