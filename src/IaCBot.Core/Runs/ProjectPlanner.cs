using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Core.Workflows;

namespace IaCBot.Core.Runs;

/// <summary>
/// Plans one project of a PR: takes its lock (unless the repo locks on apply, or not at all), runs the plan stage
/// of its workflow, and saves the plan file it wrote.
/// </summary>
public sealed class ProjectPlanner(
    WorkflowRunner workflows, StepContexts contexts, ProjectLocker locker, IPlanStore plans, TimeProvider time)
{
    public async Task<ProjectResult> PlanAsync(
        PullRequestInfo pull, Project project, ProjectPolicy policy, string checkout, string user, CommentCommand? command,
        CancellationToken cancellationToken)
    {
        if (policy.RepoLocks == RepoLocksMode.OnPlan && await locker.TakeAsync(pull, project, user, cancellationToken) is { } holder)
        {
            return new ProjectResult(project, CommandKind.Plan, ProjectOutcome.Locked, "", LockHolder: holder);
        }

        var context = await contexts.CreateAsync(pull, project, checkout, user, command, cancellationToken);
        if (context.Problem is not null)
        {
            return Failed(project, "", context.Problem);
        }

        var stage = await workflows.RunAsync(policy.Workflow.Plan, CommandKind.Plan, context.Context!, cancellationToken);
        if (!stage.Succeeded)
        {
            return Failed(project, stage.Output, stage.FailureMessage) with { Log = context.Context!.Log, Omitted = stage.Omitted };
        }

        return await SaveAsync(pull, project, user, context.Context!, stage, cancellationToken);
    }

    private async Task<ProjectResult> SaveAsync(
        PullRequestInfo pull, Project project, string user, StepContext context, StageResult stage, CancellationToken cancellationToken)
    {
        var summary = stage.Plan?.Summary?.ToString() ?? TerraformOutput.FindSummary(stage.Output);
        if (!File.Exists(context.PlanFile))
        {
            // A custom plan stage that wrote no plan file leaves nothing to apply; say so rather than fail.
            return new ProjectResult(project, CommandKind.Plan, ProjectOutcome.PlannedNoChanges, stage.Output,
                summary ?? "No plan file was written, so there is nothing to apply.", Log: context.Log, Omitted: stage.Omitted);
        }

        var hasChanges = stage.Plan?.HasChanges ?? true;
        var record = new PlanRecord(pull.Ref, project, pull.HeadSha, user, time.GetUtcNow(), hasChanges, summary ?? "");
        await using (var planFile = File.OpenRead(context.PlanFile))
        {
            await plans.SaveAsync(record, planFile, cancellationToken);
        }
        var outcome = hasChanges ? ProjectOutcome.PlannedChanges : ProjectOutcome.PlannedNoChanges;
        return new ProjectResult(project, CommandKind.Plan, outcome, stage.Output, summary, Log: context.Log, Omitted: stage.Omitted);
    }

    private static ProjectResult Failed(Project project, string output, string? message) =>
        new(project, CommandKind.Plan, ProjectOutcome.Failed, output, Message: message);
}
