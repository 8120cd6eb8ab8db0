namespace IaCBot.Server.GitHubApi;

/// <summary>Why GitHub asked for a pause before the next call.</summary>
internal enum GitHubWaitKind
{
    /// <summary>The token's hourly quota is used up (<c>X-RateLimit-Remaining: 0</c>) until <c>X-RateLimit-Reset</c>.</summary>
    RateLimit,

    /// <summary>Too many requests too fast: a 403 saying "secondary rate limit", or with <c>Retry-After</c>.</summary>
    SecondaryRateLimit,

    /// <summary>Any other refusal (429, 503) that named a <c>Retry-After</c>.</summary>
    RetryAfter,
}
