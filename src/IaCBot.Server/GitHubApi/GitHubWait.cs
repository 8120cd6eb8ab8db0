namespace IaCBot.Server.GitHubApi;

/// <summary>A pause GitHub asked for in a refused answer: how long, and why.</summary>
/// <param name="ResetsAt">When the rate limit's window reopens, for <see cref="GitHubWaitKind.RateLimit"/>.</param>
internal sealed record GitHubWait(GitHubWaitKind Kind, TimeSpan Delay, DateTimeOffset? ResetsAt = null);
