using Polly.Timeout;

namespace IaCBot.Server.GitLabApi;

/// <summary>
/// Outside the resilience handler: a call whose last attempt timed out fails with a <see cref="TimeoutException"/>,
/// which the GitLab client turns into a transient <c>VcsException</c>, rather than with Polly's own exception type.
/// </summary>
internal sealed class GitLabTimeoutHandler(TimeSpan attemptTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException($"GitLab did not answer within {attemptTimeout.TotalSeconds:0.#} s.", ex);
        }
    }
}
