namespace IaCBot.Core.Vcs;

/// <summary>The Git host could not be reached or refused a call. The message never holds a token.</summary>
public sealed class VcsException(
    string message, int? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status the host answered, or null when it was not reached.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>True when trying again later may work: 5xx, rate limits, timeouts.</summary>
    public bool IsTransient { get; } = isTransient;

    /// <summary>How long the host asked us to wait (Retry-After, or until a rate limit resets), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
