using IaCBot.Core.Commands;
using IaCBot.Core.Locking;
using IaCBot.Core.Processes;
using IaCBot.Core.Projects;
using IaCBot.Core.RunLogs;

namespace IaCBot.Core.Runs;

/// <summary>What one command did to one project, ready to be rendered.</summary>
/// <param name="Output">Terraform's output, ANSI codes already stripped; empty when nothing ran.</param>
/// <param name="Summary">The line that sums it up: <c>Plan: 1 to add, 0 to change, 0 to destroy.</c>, <c>No changes.</c>, <c>Apply complete! ...</c>.</param>
/// <param name="Message">For <see cref="ProjectOutcome.Refused"/> and <see cref="ProjectOutcome.Failed"/>: a sentence saying what went wrong.</param>
/// <param name="LockHolder">For <see cref="ProjectOutcome.Locked"/>: who holds the lock.</param>
/// <param name="Log">The file with the whole output of this run of the project, when the run keeps logs.</param>
/// <param name="Omitted">What of the output is left out of <paramref name="Output"/> because it was too long.</param>
public sealed record ProjectResult(
    Project Project,
    CommandKind Command,
    ProjectOutcome Outcome,
    string Output,
    string? Summary = null,
    string? Message = null,
    ProjectLock? LockHolder = null,
    LogFile? Log = null,
    OmittedOutput? Omitted = null)
{
    public bool IsSuccess => Outcome is ProjectOutcome.PlannedChanges or ProjectOutcome.PlannedNoChanges or ProjectOutcome.Applied;
}
