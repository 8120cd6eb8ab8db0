using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;
using IaCBot.Core.Storage;
using IaCBot.Core.Terraform;
using IaCBot.Core.Vcs;
using IaCBot.Core.Workflows;

namespace IaCBot.Core.Runs;

/// <summary>
/// Applies one saved plan through the apply stage of the project's workflow. The plan file comes from the store
/// when the checkout lacks it, so a re-created clone applies exactly what was reviewed. The plan is used up
/// either way: after a failed apply the state has moved and only a new plan is safe.
/// </summary>
public sealed class ProjectApplier(WorkflowRunner workflows, TerraformRunner terraform, StepContexts contexts, IPlanStore plans)
{
    public async Task<ProjectResult> ApplyAsync(
        PullRequestInfo pull, PlanRecord plan, ProjectPolicy policy, string checkout, string user, CommentCommand command,
        CancellationToken cancellationToken)
    {
        var (context, problem) = await contexts.CreateAsync(pull, plan.Project, checkout, user, command, cancellationToken);
        if (context is null)
        {
            await plans.DeleteAsync(plan, cancellationToken);
            return Failed(plan, "", problem);
        }

        if (!File.Exists(context.PlanFile) && !await RestorePlanFileAsync(plan, context.PlanFile, cancellationToken))
        {
            await plans.DeleteAsync(plan, cancellationToken);
            return Refused(plan, "The saved plan file is gone. Run plan again.");
        }

        if (await InitFreshCheckoutAsync(policy.Workflow.Apply, context, cancellationToken) is { } init)
        {
            return Failed(plan, init.Result.Output, init.FailureMessage) with { Log = context.Log, Omitted = init.Result.Omitted };
        }

        var stage = await workflows.RunAsync(policy.Workflow.Apply, CommandKind.Apply, context, cancellationToken);
        await plans.DeleteAsync(plan, cancellationToken);
        File.Delete(context.PlanFile);
        var result = stage.Succeeded
            ? new ProjectResult(plan.Project, CommandKind.Apply, ProjectOutcome.Applied, stage.Output, TerraformOutput.FindSummary(stage.Output))
            : Failed(plan, stage.Output, stage.FailureMessage);
        return result with { Log = context.Log, Omitted = stage.Omitted };
    }

    /// <summary>
    /// Writes the stored plan file into a checkout that lacks it (cloned again, or on another replica). It is written
    /// beside its place and moved there whole, so a copy cut short is never taken for the plan.
    /// </summary>
    private async Task<bool> RestorePlanFileAsync(PlanRecord plan, string path, CancellationToken cancellationToken)
    {
        var partial = path + ".part";
        try
        {
            bool found;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                found = await plans.ReadPlanFileAsync(plan, file, cancellationToken);
            }

            if (found)
            {
                File.Move(partial, path, overwrite: true);
            }

            return found;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// A checkout cloned again since the plan has no <c>.terraform</c>: the built-in apply step needs the providers,
    /// so init runs first. Returns the failed init, or null.
    /// </summary>
    private async Task<TerraformStep?> InitFreshCheckoutAsync(WorkflowStage stage, StepContext context, CancellationToken cancellationToken)
    {
        var appliesWithTerraform = stage.Steps.Any(s => s is WorkflowStep.BuiltIn { Kind: BuiltInStep.Apply });
        if (!appliesWithTerraform || Directory.Exists(Path.Combine(context.ProjectDir, ".terraform")))
        {
            return null;
        }

        var at = TerraformInvocation.In(context.TerraformBinary, context.ProjectDir) with { LogFile = context.Log?.Path };
        var init = await terraform.InitAsync(at, [], cancellationToken);
        return init.Succeeded ? null : init;
    }

    internal static ProjectResult Refused(PlanRecord plan, string message) =>
        new(plan.Project, CommandKind.Apply, ProjectOutcome.Refused, "", Message: message);

    private static ProjectResult Failed(PlanRecord plan, string output, string? message) =>
        new(plan.Project, CommandKind.Apply, ProjectOutcome.Failed, output, Message: message);
}
