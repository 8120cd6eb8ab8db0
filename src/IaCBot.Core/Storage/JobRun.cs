using IaCBot.Core.Vcs;

namespace IaCBot.Core.Storage;

/// <summary>
/// One run of a queued job, as the job ledger records it when the run starts: enough to tell a person what was
/// cut short by a crash, and for the queue to run it again when that is safe.
/// </summary>
/// <param name="JobId">The queue's id of the job; a second run of the same job has the same id.</param>
/// <param name="Command">What was asked, as shown to people: the comment's command, or the pull request event.</param>
/// <param name="HeadSha">The commit the run works on, when it is known as the run starts (pull request events).</param>
/// <param name="Owner">
/// The server process that runs it. A run left unfinished by an owner that is gone was interrupted; see
/// <see cref="IJobLedger.ListUnfinishedAsync"/>.
/// </param>
/// <param name="Payload">What the queue needs to queue the same work again. The ledger keeps it and never reads it.</param>
public sealed record JobRun(
    string JobId,
    PullRequestRef Pull,
    JobKind Kind,
    string Command,
    string? HeadSha,
    string Owner,
    DateTimeOffset StartedAt,
    string Payload);
