namespace IaCBot.Core.Vcs;

/// <summary>The Git host could not be reached or refused a call. The message never holds a token.</summary>
public sealed class VcsException(string message, int? statusCode, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status the host answered, or null when it was not reached.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>True when trying again later may work: 5xx, rate limits, timeouts.</summary>
    public bool IsTransient { get; } = isTransient;
}
