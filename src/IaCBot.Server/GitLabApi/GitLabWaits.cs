using IaCBot.Infrastructure.GitLab;
using IaCBot.Server.GitHostHttp;

namespace IaCBot.Server.GitLabApi;

/// <summary>
/// GitLab's pauses: a refused answer's <c>Retry-After</c> or <c>RateLimit-Reset</c>. Only refused answers are read:
/// a successful answer may carry the rate-limit headers as well, and asks for no pause.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/administration/settings/user_and_ip_rate_limits.html"/>
internal sealed class GitLabWaits : IGitHostWaits
{
    public string HostName => "GitLab";

    public ValueTask<TimeSpan?> AskedWaitAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult((int)response.StatusCode is 408 or 429 or >= 500 ? GitLabWait.RetryAfter(response, now) : null);
}
