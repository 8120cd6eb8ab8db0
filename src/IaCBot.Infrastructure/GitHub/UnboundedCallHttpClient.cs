using Octokit;
using Octokit.Internal;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>
/// Octokit's HTTP client without Octokit's own 100-second limit on a whole call. The handler below it times each
/// attempt and bounds the retries and the rate-limit waits between them (<c>github:request_timeout</c>,
/// <c>github:max_rate_limit_wait</c>); a fixed limit around all of that would cut a permitted wait short and call it
/// a timeout.
/// </summary>
internal sealed class UnboundedCallHttpClient : IHttpClient
{
    private readonly HttpClientAdapter _inner;

    public UnboundedCallHttpClient(Func<HttpMessageHandler> handler)
    {
        _inner = new HttpClientAdapter(handler);
        _inner.SetRequestTimeout(Timeout.InfiniteTimeSpan);
    }

    public Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        if (request is Request own)
        {
            own.Timeout = TimeSpan.Zero;
        }

        return _inner.Send(request, cancellationToken, preprocessResponseBody);
    }

    public void SetRequestTimeout(TimeSpan timeout) => _inner.SetRequestTimeout(timeout);

    public void Dispose() => _inner.Dispose();
}
