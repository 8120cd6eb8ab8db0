using IaCBot.Infrastructure.GitLab;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IaCBot.Server.GitLabApi;

/// <summary>
/// Which GitLab answers the HTTP pipeline tries again, and after how long. As for GitHub, only reads are tried
/// again (a failed write may have been done; the outbox decides), on 408, 429, 5xx, timeouts and lost connections.
/// A 429 names its wait (<c>Retry-After</c>, <c>RateLimit-Reset</c>): a wait within <paramref name="maxWait"/> is
/// waited out, a longer one fails the call at once so a job never holds a worker for it.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/administration/settings/user_and_ip_rate_limits.html"/>
internal sealed partial class GitLabRetryRules(TimeProvider time, TimeSpan maxWait, ILogger logger)
{
    public ValueTask<bool> ShouldRetryAsync(HttpMethod method, Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            return ValueTask.FromResult(false);
        }

        var retry = outcome switch
        {
            { Result: { } failed } when (int)failed.StatusCode is 408 or 429 or >= 500 =>
                (GitLabWait.RetryAfter(failed, time.GetUtcNow()) ?? TimeSpan.Zero) <= maxWait,
            { Exception: HttpRequestException or TimeoutRejectedException } => !cancellationToken.IsCancellationRequested,
            _ => false,
        };
        return ValueTask.FromResult(retry);
    }

    /// <summary>The pause GitLab asked for; null leaves the exponential backoff to choose.</summary>
    public ValueTask<TimeSpan?> DelayAsync(Outcome<HttpResponseMessage> outcome) =>
        ValueTask.FromResult(outcome.Result is { } response ? GitLabWait.RetryAfter(response, time.GetUtcNow()) : null);

    public ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args) =>
        ShouldRetryAsync(
            args.Context.GetRequestMessage()?.Method ?? args.Outcome.Result?.RequestMessage?.Method ?? HttpMethod.Post,
            args.Outcome,
            args.Context.CancellationToken);

    public ValueTask<TimeSpan?> DelayAsync(RetryDelayGeneratorArguments<HttpResponseMessage> args) => DelayAsync(args.Outcome);

    public ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var reason = args.Outcome.Result is { } response ? $"{(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "?";
        LogRetry(request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", reason, args.RetryDelay, args.AttemptNumber + 1);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitLab answered {Method} {Path} with {Reason}; trying again in {Delay} (retry {Retry})")]
    private partial void LogRetry(string method, string path, string reason, TimeSpan delay, int retry);
}
