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
            var wait = ex.Reset - time.GetUtcNow();
            throw new VcsException($"GitHub's rate limit stopped '{action}' until {ex.Reset:u}.", (int)ex.StatusCode, true, wait > TimeSpan.Zero ? wait : null, ex);
        }
        catch (ApiException ex)
        {
            var status = (int)ex.StatusCode;
            var transient = status >= 500 || ex.StatusCode == HttpStatusCode.TooManyRequests;
            throw new VcsException($"GitHub answered {status} to '{action}': {ex.ApiError?.Message ?? ex.Message}", status, transient, RetryAfter(ex.HttpResponse), ex);
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

    private static TimeSpan? RetryAfter(IResponse? response)
    {
        if (response?.Headers is null || !response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        return int.TryParse(value, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
    }
}
