using IaCBot.Core.Terraform;

namespace IaCBot.Core.Workflows;

/// <summary>How a workflow stage ended.</summary>
/// <param name="Output">What the steps printed that is meant to be seen, in order.</param>
/// <param name="FailureMessage">For a failed stage: which step failed and how.</param>
/// <param name="Plan">For a stage with a built-in plan step: whether it found changes, and its summary.</param>
public sealed record StageResult(bool Succeeded, string Output, string? FailureMessage, PlannedChanges? Plan)
{
    public static StageResult Failed(string output, string message) => new(false, output, message, null);
}

/// <summary>What a plan step found.</summary>
public sealed record PlannedChanges(bool HasChanges, PlanSummary? Summary);
