using IaCBot.Core.Commands;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Terraform;

namespace IaCBot.Core.Workflows;

/// <summary>
/// The terraform steps of a workflow (<c>init</c>, <c>plan</c>, <c>show</c>, <c>apply</c>, <c>import</c>,
/// <c>state_rm</c>), with the arguments Atlantis gives them. The comment's extra arguments go to the step that
/// does what the comment asked for, after the step's own <c>extra_args</c>.
/// </summary>
internal sealed class BuiltInSteps(TerraformRunner terraform)
{
    public async Task<bool> RunAsync(WorkflowStep.BuiltIn step, StageRun run, CommandKind command, CancellationToken cancellationToken)
    {
        var context = run.Context;
        if (step.Kind == BuiltInStep.Init)
        {
            var init = await terraform.InitAsync(run.Terraform, step.ExtraArgs, cancellationToken);
            return init.Succeeded || run.Fail(init.Result, init.FailureMessage);
        }

        if (!run.WorkspaceSelected)
        {
            var select = await terraform.SelectWorkspaceAsync(run.Terraform, context.Project.Workspace, cancellationToken);
            if (!select.Succeeded)
            {
                return run.Fail(select.Result, select.FailureMessage);
            }

            run.WorkspaceSelected = true;
        }

        var extraArgs = CommentArgsFor(step.Kind, command, context) is { Count: > 0 } fromComment
            ? [.. step.ExtraArgs, .. fromComment]
            : step.ExtraArgs;
        return step.Kind switch
        {
            BuiltInStep.Plan => await PlanAsync(run, extraArgs, cancellationToken),
            BuiltInStep.Show => await ShowAsync(run, cancellationToken),
            BuiltInStep.Apply => Shown(run, await terraform.ApplyAsync(run.Terraform, context.PlanFileName, extraArgs, cancellationToken)),
            BuiltInStep.Import => Shown(run, await terraform.ImportAsync(run.Terraform, context.Arguments[0], context.Arguments[1], extraArgs, cancellationToken)),
            BuiltInStep.StateRm => Shown(run, await terraform.StateRmAsync(run.Terraform, context.Arguments, extraArgs, cancellationToken)),
            _ => run.Fail("", $"The `{step.Kind.ToString().ToLowerInvariant()}` step is not supported by IaCBot yet."),
        };
    }

    private async Task<bool> PlanAsync(StageRun run, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        var context = run.Context;
        var autoVarFile = ProjectFinder.AutoVarFiles(context.Checkout, context.Project);
        var plan = await terraform.PlanAsync(run.Terraform, context.PlanFileName, [.. autoVarFile, .. extraArgs], cancellationToken);
        if (!plan.Succeeded)
        {
            return run.Fail(plan.Step.Result, plan.Step.FailureMessage);
        }

        run.Show(plan.Step.Result);
        var show = await terraform.ShowJsonAsync(run.Terraform, context.PlanFileName, context.ShowFile, cancellationToken);
        var summary = show.Succeeded ? await PlanSummary.FromShowJsonFileAsync(context.ShowFile, cancellationToken) : null;
        if (summary is not null)
        {
            await run.AddSensitiveValuesAsync(context.ShowFile, cancellationToken);
        }
        else
        {
            // Only a plan's JSON is left for custom steps as $SHOWFILE, as before show wrote straight to the file.
            File.Delete(context.ShowFile);
        }

        run.Plan = new PlannedChanges(summary?.HasChanges ?? plan.HasChanges, summary);
        return true;
    }

    private async Task<bool> ShowAsync(StageRun run, CancellationToken cancellationToken)
    {
        var show = await terraform.ShowJsonAsync(run.Terraform, run.Context.PlanFileName, run.Context.ShowFile, cancellationToken);
        if (!show.Succeeded)
        {
            File.Delete(run.Context.ShowFile);
            return run.Fail(show.Result, show.FailureMessage);
        }

        await run.AddSensitiveValuesAsync(run.Context.ShowFile, cancellationToken);
        return true;
    }

    private static bool Shown(StageRun run, TerraformStep step)
    {
        if (!step.Succeeded)
        {
            return run.Fail(step.Result, step.FailureMessage);
        }

        run.Show(step.Result);
        return true;
    }

    private static IReadOnlyList<string> CommentArgsFor(BuiltInStep step, CommandKind command, StepContext context) =>
        (step, command) switch
        {
            (BuiltInStep.Plan, CommandKind.Plan) or (BuiltInStep.Apply, CommandKind.Apply)
                or (BuiltInStep.Import, CommandKind.Import) or (BuiltInStep.StateRm, CommandKind.StateRm) => context.CommentArgs,
            _ => [],
        };
}
