using Polly.Timeout;

namespace IaCBot.Server.GitHostHttp;

/// <summary>
/// Outside the resilience handler: a call whose last attempt timed out fails with a <see cref="TimeoutException"/>,
/// which every Git host's client turns into a transient <c>VcsException</c>, rather than with Polly's own exception
/// type, which the layers above do not know.
/// </summary>
/// <param name="hostName">The host as the message names it: GitHub, GitLab, Gitea.</param>
internal sealed class GitHostTimeoutHandler(string hostName, TimeSpan attemptTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException($"{hostName} did not answer within {attemptTimeout.TotalSeconds:0.#} s.", ex);
        }
    }
}
