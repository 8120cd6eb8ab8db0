using System.Net;
using IaCBot.Core.Vcs;
using Octokit;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>
/// Turns Octokit's exceptions into <see cref="VcsException"/>: which failures are worth retrying and when.
/// Rate limits (primary and secondary) are transient and say when to come back.
/// </summary>
/// <seealso href="https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api"/>
internal static class GitHubErrors
{
    public static async Task<T> CallAsync<T>(string action, Func<Task<T>> call, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (SecondaryRateLimitExceededException ex)
        {
            throw new VcsException($"GitHub's secondary rate limit stopped '{action}'.", 403, true, RetryAfter(ex.HttpResponse) ?? TimeSpan.FromMinutes(1), ex);
        }
        catch (RateLimitExceededException ex)
        {
            throw RateLimited(action, (int)ex.StatusCode, ex.Reset, time.GetUtcNow(), ex);
        }
        catch (ApiException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
                                      && ex.HttpResponse?.ApiInfo?.RateLimit is { Remaining: 0 } limit)
        {
            // The quota is used up even when the body does not say so in the words Octokit looks for.
            throw RateLimited(action, (int)ex.StatusCode, limit.Reset, time.GetUtcNow(), ex);
        }
        catch (ApiException ex)
        {
            var status = (int)ex.StatusCode;
            var transient = status >= 500 || ex.StatusCode == HttpStatusCode.TooManyRequests;
            throw new VcsException($"GitHub answered {status} to '{action}': {ex.ApiError?.Message ?? ex.Message}", status, transient, RetryAfter(ex.HttpResponse), ex);
        }
        catch (TimeoutException ex)
        {
            throw new VcsException($"GitHub did not answer '{action}' in time: {ex.Message}", null, true, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new VcsException($"GitHub could not be reached for '{action}': {ex.Message}", null, true, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VcsException($"GitHub did not answer '{action}' in time.", null, true, null, ex);
        }
    }

    /// <summary>
    /// Says when the limit reopens, in UTC and from now, because that is what the person reading the PR comment can
    /// act on. A write refused this way waits in the outbox until then.
    /// </summary>
    private static VcsException RateLimited(string action, int status, DateTimeOffset reset, DateTimeOffset now, Exception inner)
    {
        var wait = reset - now;
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var when = wait > TimeSpan.Zero ? $"until {reset:yyyy-MM-dd HH:mm:ss} UTC (in about {minutes} min)" : "for now";
        return new VcsException(
            $"GitHub's API rate limit for IaCBot's token is used up {when}, so IaCBot could not {action}.",
            status, true, wait > TimeSpan.Zero ? wait : null, inner);
    }

    private static TimeSpan? RetryAfter(IResponse? response)
    {
        if (response?.Headers is null || !response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        return int.TryParse(value, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
    }
}
