using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IaCBot.Server.GitHostHttp;

/// <summary>
/// Which answers of a Git host's API are tried again, and after how long. Only reads are tried again: a write that
/// failed (even by a timeout) may have been done, so the outbox decides whether to send it again. A read the host asks
/// to pause (rate limits, <c>Retry-After</c>) waits as asked when that fits within <paramref name="maxWait"/>, and
/// otherwise fails at once, so a job never holds a worker and its PR's turn for an hour.
/// </summary>
internal sealed partial class GitHostRetryRules(IGitHostWaits waits, TimeProvider time, TimeSpan maxWait, ILogger logger)
{
    public async ValueTask<bool> ShouldRetryAsync(HttpMethod method, Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            return false;
        }

        if (outcome.Result is { } response && await waits.AskedWaitAsync(response, time.GetUtcNow(), cancellationToken) is { } wait)
        {
            return wait <= maxWait;
        }

        return outcome switch
        {
            { Result: { } failed } => (int)failed.StatusCode is 408 or 429 or >= 500,
            { Exception: HttpRequestException or TimeoutRejectedException } => !cancellationToken.IsCancellationRequested,
            _ => false,
        };
    }

    /// <summary>The pause the host asked for; null leaves the exponential backoff to choose.</summary>
    public async ValueTask<TimeSpan?> DelayAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) =>
        outcome.Result is { } response ? await waits.AskedWaitAsync(response, time.GetUtcNow(), cancellationToken) : null;

    public ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args) =>
        ShouldRetryAsync(RequestMethod(args.Context, args.Outcome), args.Outcome, args.Context.CancellationToken);

    public ValueTask<TimeSpan?> DelayAsync(RetryDelayGeneratorArguments<HttpResponseMessage> args) =>
        DelayAsync(args.Outcome, args.Context.CancellationToken);

    public ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var reason = args.Outcome.Result is { } response ? $"{(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "?";
        LogRetry(waits.HostName, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", reason, args.RetryDelay, args.AttemptNumber + 1);
        return ValueTask.CompletedTask;
    }

    private static HttpMethod RequestMethod(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        context.GetRequestMessage()?.Method ?? outcome.Result?.RequestMessage?.Method ?? HttpMethod.Post;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Host} answered {Method} {Path} with {Reason}; trying again in {Delay} (retry {Retry})")]
    private partial void LogRetry(string host, string method, string path, string reason, TimeSpan delay, int retry);
}
