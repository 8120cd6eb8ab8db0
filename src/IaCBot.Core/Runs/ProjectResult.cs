using IaCBot.Core.Commands;
using IaCBot.Core.Locking;
using IaCBot.Core.Projects;

namespace IaCBot.Core.Runs;

/// <summary>What one command did to one project, ready to be rendered.</summary>
/// <param name="Output">Terraform's output, ANSI codes already stripped; empty when nothing ran.</param>
/// <param name="Summary">The line that sums it up: <c>Plan: 1 to add, 0 to change, 0 to destroy.</c>, <c>No changes.</c>, <c>Apply complete! ...</c>.</param>
/// <param name="Message">For <see cref="ProjectOutcome.Refused"/> and <see cref="ProjectOutcome.Failed"/>: a sentence saying what went wrong.</param>
/// <param name="LockHolder">For <see cref="ProjectOutcome.Locked"/>: who holds the lock.</param>
public sealed record ProjectResult(
    Project Project,
    CommandKind Command,
    ProjectOutcome Outcome,
    string Output,
    string? Summary = null,
    string? Message = null,
    ProjectLock? LockHolder = null)
{
    public bool IsSuccess => Outcome is ProjectOutcome.PlannedChanges or ProjectOutcome.PlannedNoChanges or ProjectOutcome.Applied;
}
