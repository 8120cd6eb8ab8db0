using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.RunHistory;

/// <summary>
/// What one queued job did, kept after the PR closes: who asked for what on which commit, each project's steps with
/// status and duration, where the output is, and the reply posted on the PR (the Markdown the run page renders).
/// </summary>
/// <param name="Id">The job's id, as in the job ledger and the run's log folder.</param>
/// <param name="By">Who asked: the commenter, the PR event's sender, or <c>api</c>.</param>
/// <param name="HeadSha">The commit, once known.</param>
/// <param name="Reply">The Markdown of the replies posted on the PR, in order; null before the first.</param>
/// <param name="Owner">
/// The server process (replica) that runs it, as the job ledger names it; null in records from before it was kept.
/// Another replica's page says where a run in progress is going on, since only that replica has its log yet.
/// </param>
public sealed record RunRecord(
    string Id,
    PullRequestRef Pull,
    JobKind Kind,
    string Command,
    string By,
    string? HeadSha,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunOutcome Outcome,
    IReadOnlyList<ProjectRun> Projects,
    string? Reply,
    string? Owner = null)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
