namespace IaCBot.Core.Terraform;

/// <summary>The outcome of <c>terraform plan -detailed-exitcode</c>.</summary>
/// <param name="HasChanges">Exit code 2: the plan would change something.</param>
public sealed record PlanStep(TerraformStep Step, bool HasChanges)
{
    public bool Succeeded => Step.Result.TimedOut is false && Step.Result.ExitCode is 0 or 2;
}
