using IaCBot.Core.Processes;

namespace IaCBot.Core.Terraform;

/// <summary>One terraform command and how it ended.</summary>
/// <param name="Description">The command as a person would type it, e.g. <c>terraform plan</c>.</param>
public sealed record TerraformStep(string Description, ProcessResult Result)
{
    public bool Succeeded => Result.Succeeded;

    /// <summary>A sentence for a failed step: the timeout, or the exit code.</summary>
    public string FailureMessage => Result.TimedOut
        ? $"`{Description}` did not finish within its time limit and was stopped."
        : $"`{Description}` failed with exit code {Result.ExitCode}.";
}
