using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IaCBot.Server.GiteaApi;

/// <summary>
/// Which Gitea answers the HTTP pipeline tries again. As for GitHub (see <c>GitHubRetryRules</c>), only reads are tried
/// again: a write that failed may have been done, and the outbox decides whether to send it again. Gitea has no
/// rate-limit headers of its own; a proxy in front of it may send <c>Retry-After</c>, which is honoured up to a cap.
/// </summary>
internal sealed partial class GiteaRetryRules(TimeSpan maxWait, ILogger logger)
{
    public static bool ShouldRetry(HttpMethod method, Outcome<HttpResponseMessage> outcome, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            return false;
        }

        return outcome switch
        {
            { Result: { } failed } => (int)failed.StatusCode is 408 or 429 or >= 500 && !(RetryAfter(failed) > maxWait),
            { Exception: HttpRequestException or TimeoutRejectedException } => !cancellationToken.IsCancellationRequested,
            _ => false,
        };
    }

    public ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var method = args.Context.GetRequestMessage()?.Method ?? args.Outcome.Result?.RequestMessage?.Method ?? HttpMethod.Post;
        return ValueTask.FromResult(ShouldRetry(method, args.Outcome, maxWait, args.Context.CancellationToken));
    }

    /// <summary>The pause the server asked for; null leaves the exponential backoff to choose.</summary>
    public static ValueTask<TimeSpan?> DelayAsync(RetryDelayGeneratorArguments<HttpResponseMessage> args) =>
        ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null);

    public ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var reason = args.Outcome.Result is { } response ? $"{(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "?";
        LogRetry(request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", reason, args.RetryDelay, args.AttemptNumber + 1);
        return ValueTask.CompletedTask;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta >= TimeSpan.Zero ? delta : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gitea answered {Method} {Path} with {Reason}; trying again in {Delay} (retry {Retry})")]
    private partial void LogRetry(string method, string path, string reason, TimeSpan delay, int retry);
}
