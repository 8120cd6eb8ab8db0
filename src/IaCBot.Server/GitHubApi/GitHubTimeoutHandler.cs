using Polly.Timeout;

namespace IaCBot.Server.GitHubApi;

/// <summary>
/// Outside the resilience handler: a call whose last attempt timed out fails with a <see cref="TimeoutException"/>,
/// which the GitHub client turns into a transient <c>VcsException</c>, rather than with Polly's own exception type,
/// which the layers above do not know.
/// </summary>
internal sealed class GitHubTimeoutHandler(TimeSpan attemptTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException($"GitHub did not answer within {attemptTimeout.TotalSeconds:0.#} s.", ex);
        }
    }
}
