using IaCBot.Core.Processes;
using IaCBot.Core.Terraform;

namespace IaCBot.Core.Workflows;

/// <summary>How a workflow stage ended.</summary>
/// <param name="Output">What the steps printed that is meant to be seen, in order.</param>
/// <param name="FailureMessage">For a failed stage: which step failed and how.</param>
/// <param name="Plan">For a stage with a built-in plan step: whether it found changes, and its summary.</param>
/// <param name="Omitted">What of the steps' output is left out of <paramref name="Output"/> (the log has it).</param>
public sealed record StageResult(bool Succeeded, string Output, string? FailureMessage, PlannedChanges? Plan, OmittedOutput? Omitted = null)
{
    public static StageResult Failed(string output, string message, OmittedOutput? omitted = null) => new(false, output, message, null, omitted);
}

/// <summary>What a plan step found.</summary>
public sealed record PlannedChanges(bool HasChanges, PlanSummary? Summary);
