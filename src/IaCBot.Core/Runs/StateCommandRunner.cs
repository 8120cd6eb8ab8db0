using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Core.Workflows;

namespace IaCBot.Core.Runs;

/// <summary>
/// Runs <c>import</c> and <c>state rm</c>: commands that change a project's state directly. They run the import
/// or state_rm stage of the project's workflow (the root directory and default workspace unless the comment
/// names a project), hold the project's lock, and discard its plan, which no longer matches the state.
/// </summary>
public sealed class StateCommandRunner(
    IVcsClient vcs,
    IPlanStore plans,
    IWorkingDirectories checkouts,
    RunConfigurationLoader configurations,
    WorkflowRunner workflows,
    StepContexts contexts,
    ProjectLocker locker,
    RequirementChecker requirements,
    PullRequestNotifier notifier,
    CommentRenderer renderer)
{
    public async Task RunAsync(PullRequestInfo pull, CommentCommand command, string user, CancellationToken cancellationToken)
    {
        var (configuration, problem) = await configurations.LoadAsync(pull, cancellationToken);
        if (configuration is null)
        {
            await notifier.CommentAsync(pull.Ref, problem ?? "", cancellationToken);
            return;
        }

        // With no -d, -w or -p the command means every project the pull request changes, as in Atlantis.
        var changedFiles = await vcs.ListChangedFilesAsync(pull.Ref, cancellationToken);
        var selection = ProjectFinder.Select(command, changedFiles, configuration.RepoConfig, configuration.Checkout, pull.BaseBranch);
        if (selection is not ProjectSelection.Selected { Projects: var projects })
        {
            var message = (selection as ProjectSelection.Error)?.Message ?? "No project matches the command.";
            await notifier.CommentAsync(pull.Ref, renderer.RenderFailure(message, null), cancellationToken);
            return;
        }

        if (projects.Count == 0)
        {
            await notifier.CommentAsync(pull.Ref, renderer.RenderFailure(
                $"This pull request changes no Terraform project: name one with `-d DIR` or `-p PROJECT`.", null), cancellationToken);
            return;
        }

        var results = new List<ProjectResult>();
        foreach (var project in projects)
        {
            results.Add(await RunOneAsync(pull, project, command, user, configuration, cancellationToken));
        }

        await notifier.CommentAsync(pull.Ref, renderer.RenderRun(command.Kind, command.CommandName, results, command.Verbose), cancellationToken);
    }

    private async Task<ProjectResult> RunOneAsync(
        PullRequestInfo pull, Project project, CommentCommand command, string user, RunConfiguration configuration, CancellationToken cancellationToken)
    {
        var policy = configuration.PolicyFor(project);
        var unmet = await requirements.UnmetAsync(pull, policy.ImportRequirements, cancellationToken);
        if (unmet.Count > 0)
        {
            return Result(project, command, ProjectOutcome.Refused, "", "Not run: " + string.Join(" ", unmet));
        }

        if (policy.RepoLocks != RepoLocksMode.Disabled && await locker.TakeAsync(pull, project, user, cancellationToken) is { } holder)
        {
            return new ProjectResult(project, command.Kind, ProjectOutcome.Locked, "", LockHolder: holder);
        }

        var checkout = await checkouts.PrepareAsync(pull, project.Workspace, cancellationToken);
        var (context, problem) = await contexts.CreateAsync(pull, project, checkout, user, command, cancellationToken);
        if (context is null)
        {
            return Result(project, command, ProjectOutcome.Failed, "", problem);
        }

        var stage = command.Kind == CommandKind.Import ? policy.Workflow.Import : policy.Workflow.StateRm;
        var result = await workflows.RunAsync(stage, command.Kind, context, cancellationToken);
        var discarded = await DiscardPlanAsync(pull, project, cancellationToken);
        var note = discarded ? $"The plan of this project was discarded, since the state changed: comment `{command.CommandName} plan` again." : null;
        var outcome = result.Succeeded
            ? Result(project, command, ProjectOutcome.Applied, result.Output, note)
            : Result(project, command, ProjectOutcome.Failed, result.Output, result.FailureMessage + (note is null ? "" : " " + note));
        return outcome with { Log = context.Log, Omitted = result.Omitted };
    }

    private async Task<bool> DiscardPlanAsync(PullRequestInfo pull, Project project, CancellationToken cancellationToken)
    {
        var stale = (await plans.ListAsync(pull.Ref, cancellationToken))
            .Where(p => p.Project.Dir == project.Dir && p.Project.Workspace == project.Workspace && p.Project.Name == project.Name)
            .ToList();
        foreach (var plan in stale)
        {
            await plans.DeleteAsync(plan, cancellationToken);
        }

        return stale.Count > 0;
    }

    private static ProjectResult Result(Project project, CommentCommand command, ProjectOutcome outcome, string output, string? message) =>
        new(project, command.Kind, outcome, output, Message: message);
}
