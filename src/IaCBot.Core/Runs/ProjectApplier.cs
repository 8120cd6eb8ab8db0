using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Storage;
using IaCBot.Core.Terraform;

namespace IaCBot.Core.Runs;

/// <summary>
/// Applies one saved plan in its checkout. The plan file comes from the store when the checkout lacks it, so a
/// re-created clone applies exactly what was reviewed. The plan is used up either way: after a failed apply the
/// state has moved and only a new plan is safe.
/// </summary>
public sealed class ProjectApplier(TerraformRunner terraform, IPlanStore plans)
{
    public async Task<ProjectResult> ApplyAsync(
        PlanRecord plan, string checkout, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        var project = plan.Project;
        var dir = PlanFiles.ProjectDirectory(checkout, project);
        var planFile = PlanFiles.FileName(project);
        var planPath = Path.Combine(dir, planFile);
        if (!File.Exists(planPath))
        {
            var bytes = await plans.ReadPlanFileAsync(plan, cancellationToken);
            if (bytes is null || !Directory.Exists(dir))
            {
                await plans.DeleteAsync(plan, cancellationToken);
                return Refused(plan, "The saved plan file is gone. Run plan again.");
            }

            await File.WriteAllBytesAsync(planPath, bytes, cancellationToken);
        }

        var prepared = await PrepareAsync(dir, project.Workspace, cancellationToken);
        if (prepared is not null)
        {
            return new ProjectResult(project, CommandKind.Apply, ProjectOutcome.Failed, prepared.Result.Output, Message: prepared.FailureMessage);
        }

        var apply = await terraform.ApplyAsync(dir, planFile, extraArgs, cancellationToken);
        await plans.DeleteAsync(plan, cancellationToken);
        File.Delete(planPath);
        if (!apply.Succeeded)
        {
            return new ProjectResult(project, CommandKind.Apply, ProjectOutcome.Failed, apply.Result.Output, Message: apply.FailureMessage);
        }

        var summary = TerraformOutput.FindSummary(apply.Result.Output);
        return new ProjectResult(project, CommandKind.Apply, ProjectOutcome.Applied, apply.Result.Output, summary);
    }

    /// <summary>Initialises a fresh checkout and selects the workspace; returns the failed step, or null.</summary>
    private async Task<TerraformStep?> PrepareAsync(string dir, string workspace, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(dir, ".terraform")))
        {
            var init = await terraform.InitAsync(dir, cancellationToken);
            if (!init.Succeeded)
            {
                return init;
            }
        }

        var select = await terraform.SelectWorkspaceAsync(dir, workspace, cancellationToken);
        return select.Succeeded ? null : select;
    }

    internal static ProjectResult Refused(PlanRecord plan, string message) =>
        new(plan.Project, CommandKind.Apply, ProjectOutcome.Refused, "", Message: message);
}
