using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Locking;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Terraform;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>Plans one project of a PR: takes its lock, runs init, workspace, plan and show, and saves the plan.</summary>
public sealed class ProjectPlanner(TerraformRunner terraform, ILockStore locks, IPlanStore plans, TimeProvider time)
{
    public async Task<ProjectResult> PlanAsync(
        PullRequestInfo pull,
        Project project,
        string checkout,
        string user,
        IReadOnlyList<string> extraArgs,
        CancellationToken cancellationToken)
    {
        var key = new LockKey(pull.Ref.Repo, project.Dir, project.Workspace);
        var holder = await locks.TryAcquireAsync(
            new ProjectLock(key, pull.Ref, user, time.GetUtcNow(), project.Name), cancellationToken);
        if (holder.Pull != pull.Ref)
        {
            return new ProjectResult(project, CommandKind.Plan, ProjectOutcome.Locked, "", LockHolder: holder);
        }

        var dir = PlanFiles.ProjectDirectory(checkout, project);
        if (!Directory.Exists(dir))
        {
            return Failed(project, "", $"The directory `{project.Dir}` does not exist at commit {Short(pull.HeadSha)}.");
        }

        var init = await terraform.InitAsync(dir, cancellationToken);
        if (!init.Succeeded)
        {
            return Failed(project, init.Result.Output, init.FailureMessage);
        }

        var workspace = await terraform.SelectWorkspaceAsync(dir, project.Workspace, cancellationToken);
        if (!workspace.Succeeded)
        {
            return Failed(project, workspace.Result.Output, workspace.FailureMessage);
        }

        var planFile = PlanFiles.FileName(project);
        var plan = await terraform.PlanAsync(dir, planFile, extraArgs, cancellationToken);
        if (!plan.Succeeded)
        {
            return Failed(project, plan.Step.Result.Output, plan.Step.FailureMessage);
        }

        var show = await terraform.ShowJsonAsync(dir, planFile, cancellationToken);
        var summary = show.Succeeded ? PlanSummary.FromShowJson(show.Result.Output) : null;
        var summaryText = summary?.ToString() ?? TerraformOutput.FindSummary(plan.Step.Result.Output) ?? "";
        var hasChanges = summary?.HasChanges ?? plan.HasChanges;

        var planPath = Path.Combine(dir, planFile);
        if (!File.Exists(planPath))
        {
            return Failed(project, plan.Step.Result.Output, "`terraform plan` succeeded but wrote no plan file.");
        }

        var record = new PlanRecord(pull.Ref, project, pull.HeadSha, user, time.GetUtcNow(), hasChanges, summaryText);
        var bytes = await File.ReadAllBytesAsync(planPath, cancellationToken);
        await plans.SaveAsync(record, bytes, cancellationToken);

        var outcome = hasChanges ? ProjectOutcome.PlannedChanges : ProjectOutcome.PlannedNoChanges;
        return new ProjectResult(project, CommandKind.Plan, outcome, plan.Step.Result.Output, summaryText);
    }

    private static ProjectResult Failed(Project project, string output, string message) =>
        new(project, CommandKind.Plan, ProjectOutcome.Failed, output, Message: message);

    internal static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
