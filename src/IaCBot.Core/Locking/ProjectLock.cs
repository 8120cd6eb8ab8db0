using IaCBot.Core.Vcs;

namespace IaCBot.Core.Locking;

/// <summary>A held lock: which PR holds <paramref name="Key"/>, for whom, since when.</summary>
public sealed record ProjectLock(LockKey Key, PullRequestRef Pull, string User, DateTimeOffset Since, string? ProjectName = null);
