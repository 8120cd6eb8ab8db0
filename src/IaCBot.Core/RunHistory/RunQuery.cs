using IaCBot.Core.Vcs;

namespace IaCBot.Core.RunHistory;

/// <summary>Which runs to list, newest first.</summary>
/// <param name="Repo">Only this repository's (<c>host/owner/name</c>).</param>
/// <param name="Pull">Only this pull request's.</param>
/// <param name="RunningOnly">Only runs that have not ended.</param>
public sealed record RunQuery(string? Repo = null, PullRequestRef? Pull = null, bool RunningOnly = false, int Limit = 50);
