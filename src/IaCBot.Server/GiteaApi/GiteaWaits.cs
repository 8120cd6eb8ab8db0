using IaCBot.Server.GitHostHttp;

namespace IaCBot.Server.GiteaApi;

/// <summary>
/// Gitea has no rate-limit headers of its own; a proxy in front of it may refuse with <c>Retry-After</c>, which is
/// honoured.
/// </summary>
internal sealed class GiteaWaits : IGitHostWaits
{
    public string HostName => "Gitea";

    public ValueTask<TimeSpan?> AskedWaitAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(
            (int)response.StatusCode is 408 or 429 or >= 500 && response.Headers.RetryAfter?.Delta is { } delta && delta >= TimeSpan.Zero
                ? delta
                : (TimeSpan?)null);
}
