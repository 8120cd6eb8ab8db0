using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// Runs a plan for a PR, automatic or commanded: selects the projects, plans each in its workspace's checkout in
/// execution order, posts one comment with every result and sets the <c>iacbot/plan</c> status.
/// </summary>
public sealed partial class PlanRunner(
    ProjectSelector selector,
    IWorkingDirectories checkouts,
    ProjectPlanner planner,
    RequirementChecker requirements,
    ProjectScheduler scheduler,
    WorkflowHooks hooks,
    PullRequestNotifier notifier,
    CommentRenderer renderer,
    BotSettings settings,
    ILogger<PlanRunner> logger)
{
    /// <param name="command">The comment's command, or null for an autoplan.</param>
    public async Task RunAsync(PullRequestInfo pull, string user, CommentCommand? command, CancellationToken cancellationToken)
    {
        await SetStatusAsync(pull, CommitState.Pending, "Planning…", cancellationToken);
        try
        {
            await PlanAsync(pull, user, command, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The fault itself is reported where it is caught; the status must not stay pending for ever.
            await SetStatusAsync(pull, CommitState.Error, "Planning stopped by an error: see the PR comment", CancellationToken.None);
            throw;
        }
    }

    private async Task PlanAsync(PullRequestInfo pull, string user, CommentCommand? command, CancellationToken cancellationToken)
    {
        var commandName = command?.CommandName ?? settings.DefaultCommandName;
        var selection = await selector.SelectAsync(pull, command, cancellationToken);
        if (selection.Problem is not null || selection.Configuration is null)
        {
            await notifier.CommentAsync(pull.Ref, selection.Problem ?? "", cancellationToken);
            await SetStatusAsync(pull, CommitState.Failure, "Nothing planned: see the PR comment", cancellationToken);
            return;
        }

        var configuration = selection.Configuration;
        if (selection.Projects.Count == 0)
        {
            LogNoProjects(pull.Ref);
            if (command is not null)
            {
                await notifier.CommentAsync(pull.Ref, NoProjectsReply(commandName), cancellationToken);
            }

            await SetStatusAsync(pull, CommitState.Success, "No projects to plan", cancellationToken);
            return;
        }

        var hookRun = new HookRun(pull, configuration.Checkout, user, CommandKind.Plan, command?.ExtraArgs ?? []);
        await hooks.RunPreAsync(configuration.Effective.PreWorkflowHooks, hookRun, cancellationToken);
        var results = await PlanProjectsAsync(pull, user, command, configuration, selection.Projects, cancellationToken);
        await hooks.RunPostAsync(configuration.Effective.PostWorkflowHooks, hookRun, cancellationToken);

        var shown = results.Where(r => !configuration.PolicyFor(r.Project).SilencePrComments.Contains("plan")).ToList();
        if (shown.Count > 0)
        {
            await notifier.CommentAsync(pull.Ref, renderer.RenderRun(CommandKind.Plan, commandName, shown, command?.Verbose ?? false), cancellationToken);
        }

        var planned = results.Count(r => r.IsSuccess);
        var state = planned == results.Count ? CommitState.Success : CommitState.Failure;
        await SetStatusAsync(pull, state, $"{planned}/{results.Count} projects planned", cancellationToken);
    }

    private async Task<IReadOnlyList<ProjectResult>> PlanProjectsAsync(
        PullRequestInfo pull, string user, CommentCommand? command, RunConfiguration configuration, IReadOnlyList<Project> projects,
        CancellationToken cancellationToken)
    {
        // Checkouts first, one workspace at a time: projects planned side by side share them.
        var checkoutByWorkspace = new Dictionary<string, string>();
        foreach (var workspace in projects.Select(p => p.Workspace).Distinct())
        {
            checkoutByWorkspace[workspace] = await checkouts.PrepareAsync(pull, workspace, cancellationToken);
        }

        return await scheduler.RunAsync(
            projects,
            p => p,
            configuration.Effective.ParallelPlan,
            configuration.Effective.AbortOnExecutionOrderFail,
            project => PlanProjectAsync(pull, project, user, command, configuration, checkoutByWorkspace[project.Workspace], cancellationToken),
            project => new ProjectResult(project, CommandKind.Plan, ProjectOutcome.Refused, "", Message: "Not planned: a project of an earlier execution order group failed."));
    }

    private async Task<ProjectResult> PlanProjectAsync(
        PullRequestInfo pull, Project project, string user, CommentCommand? command, RunConfiguration configuration, string checkout,
        CancellationToken cancellationToken)
    {
        using var scope = ProjectLogScope.Begin(logger, project);
        LogPlanning(pull.Ref, project.Dir, project.Workspace);
        var policy = configuration.PolicyFor(project);
        var unmet = await requirements.UnmetAsync(pull, policy.PlanRequirements, cancellationToken);
        if (unmet.Count > 0)
        {
            return new ProjectResult(project, CommandKind.Plan, ProjectOutcome.Refused, "", Message: "Not planned: " + string.Join(" ", unmet));
        }

        return await planner.PlanAsync(pull, project, policy, checkout, user, command, cancellationToken);
    }

    private static string NoProjectsReply(string commandName) =>
        "This pull request changes no Terraform project, so there is nothing to plan.\n\n"
        + $"To plan a directory anyway, comment `{commandName} plan -d DIR`.";

    private Task SetStatusAsync(PullRequestInfo pull, CommitState state, string description, CancellationToken cancellationToken) =>
        notifier.SetStatusAsync(pull.Ref, pull.HeadSha, new CommitStatus(StatusContexts.Plan, state, description), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "No projects to plan in {Pull}")]
    private partial void LogNoProjects(PullRequestRef pull);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planning {Pull} dir {Dir} workspace {Workspace}")]
    private partial void LogPlanning(PullRequestRef pull, string dir, string workspace);
}
