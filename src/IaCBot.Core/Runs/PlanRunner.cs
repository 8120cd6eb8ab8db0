using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// Runs a plan for a PR, automatic or commanded: selects the projects, plans each in its workspace's checkout,
/// posts one comment with every result and sets the <c>iacbot/plan</c> status.
/// </summary>
public sealed partial class PlanRunner(
    ProjectSelector selector,
    IWorkingDirectories checkouts,
    ProjectPlanner planner,
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
        if (selection.Problem is not null)
        {
            await notifier.CommentAsync(pull.Ref, selection.Problem, cancellationToken);
            await SetStatusAsync(pull, CommitState.Failure, "Nothing planned: see the PR comment", cancellationToken);
            return;
        }

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

        var results = new List<ProjectResult>();
        foreach (var project in selection.Projects)
        {
            results.Add(await PlanProjectAsync(pull, project, user, command?.ExtraArgs ?? [], cancellationToken));
        }

        await notifier.CommentAsync(
            pull.Ref, renderer.RenderRun(CommandKind.Plan, commandName, results, command?.Verbose ?? false), cancellationToken);
        var planned = results.Count(r => r.IsSuccess);
        var state = planned == results.Count ? CommitState.Success : CommitState.Failure;
        await SetStatusAsync(pull, state, $"{planned}/{results.Count} projects planned", cancellationToken);
    }

    private async Task<ProjectResult> PlanProjectAsync(
        PullRequestInfo pull, Project project, string user, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        LogPlanning(pull.Ref, project.Dir, project.Workspace);
        try
        {
            var checkout = await checkouts.PrepareAsync(pull, project.Workspace, cancellationToken);
            return await planner.PlanAsync(pull, project, checkout, user, extraArgs, cancellationToken);
        }
        catch (GitException ex)
        {
            return new ProjectResult(project, CommandKind.Plan, ProjectOutcome.Failed, "", Message: ex.Message);
        }
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
