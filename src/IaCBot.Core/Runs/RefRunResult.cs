namespace IaCBot.Core.Runs;

/// <summary>How a run without a pull request ended: each project's result, or why nothing ran.</summary>
public sealed record RefRunResult(IReadOnlyList<ProjectResult> Results, RefRefusal? Refusal)
{
    public bool Succeeded => Refusal is null && Results.All(r => r.IsSuccess);
}
