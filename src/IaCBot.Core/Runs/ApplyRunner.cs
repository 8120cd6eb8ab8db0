using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Locking;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// Applies a PR's saved plans (all, or those the comment names), each only when it was made from the PR's
/// current head commit, its lock is still the PR's, and its apply requirements hold.
/// </summary>
public sealed partial class ApplyRunner(
    IVcsClient vcs,
    IPlanStore plans,
    ILockStore locks,
    IWorkingDirectories checkouts,
    ProjectApplier applier,
    ApplyRequirementChecker requirements,
    PullRequestNotifier notifier,
    CommentRenderer renderer,
    TimeProvider time,
    ILogger<ApplyRunner> logger)
{
    private const int MergeabilityChecks = 3;

    public async Task RunAsync(PullRequestInfo pull, CommentCommand command, CancellationToken cancellationToken)
    {
        var chosen = (await plans.ListAsync(pull.Ref, cancellationToken)).Where(p => Matches(p.Project, command)).ToList();
        if (chosen.Count == 0)
        {
            await notifier.CommentAsync(pull.Ref, NoPlansReply(command), cancellationToken);
            return;
        }

        await SetStatusAsync(pull, CommitState.Pending, "Applying…", cancellationToken);
        try
        {
            await ApplyAsync(pull, chosen, command, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await SetStatusAsync(pull, CommitState.Error, "Apply stopped by an error: see the PR comment", CancellationToken.None);
            throw;
        }
    }

    private async Task ApplyAsync(PullRequestInfo pull, List<PlanRecord> chosen, CommentCommand command, CancellationToken cancellationToken)
    {
        pull = await WithKnownMergeabilityAsync(pull, chosen, cancellationToken);
        var results = new List<ProjectResult>();
        foreach (var plan in chosen)
        {
            LogApplying(pull.Ref, plan.Project.Dir, plan.Project.Workspace);
            results.Add(await ApplyOneAsync(pull, plan, command, cancellationToken));
        }

        await notifier.CommentAsync(pull.Ref, renderer.RenderRun(CommandKind.Apply, command.CommandName, results, command.Verbose), cancellationToken);
        var applied = results.Count(r => r.Outcome == ProjectOutcome.Applied);
        var state = applied == results.Count ? CommitState.Success : CommitState.Failure;
        await SetStatusAsync(pull, state, $"{applied}/{results.Count} projects applied", cancellationToken);
    }

    private async Task<ProjectResult> ApplyOneAsync(
        PullRequestInfo pull, PlanRecord plan, CommentCommand command, CancellationToken cancellationToken)
    {
        if (plan.HeadSha != pull.HeadSha)
        {
            await plans.DeleteAsync(plan, cancellationToken);
            return ProjectApplier.Refused(plan,
                $"This plan was made at commit {ProjectPlanner.Short(plan.HeadSha)}, but the pull request is now at "
                + $"{ProjectPlanner.Short(pull.HeadSha)}. It was discarded: run `{command.CommandName} plan` again.");
        }

        var holder = await locks.GetAsync(new LockKey(pull.Ref.Repo, plan.Project.Dir, plan.Project.Workspace), cancellationToken);
        if (holder?.Pull != pull.Ref)
        {
            await plans.DeleteAsync(plan, cancellationToken);
            return ProjectApplier.Refused(plan,
                $"This pull request no longer holds the lock on this directory and workspace. Run `{command.CommandName} plan` again.");
        }

        var unmet = await requirements.UnmetAsync(pull, plan.Project.ApplyRequirements, cancellationToken);
        if (unmet.Count > 0)
        {
            return ProjectApplier.Refused(plan, "Not applied: " + string.Join(" ", unmet));
        }

        try
        {
            var checkout = await checkouts.PrepareAsync(pull, plan.Project.Workspace, cancellationToken);
            return await applier.ApplyAsync(plan, checkout, command.ExtraArgs, cancellationToken);
        }
        catch (GitException ex)
        {
            return new ProjectResult(plan.Project, CommandKind.Apply, ProjectOutcome.Failed, "", Message: ex.Message);
        }
    }

    /// <summary>
    /// GitHub computes mergeability in the background and answers null until it is done, so ask again a few
    /// times before judging a <c>mergeable</c> requirement.
    /// </summary>
    private async Task<PullRequestInfo> WithKnownMergeabilityAsync(
        PullRequestInfo pull, List<PlanRecord> chosen, CancellationToken cancellationToken)
    {
        var needed = chosen.Any(p => p.Project.ApplyRequirements.Contains("mergeable", StringComparer.OrdinalIgnoreCase));
        for (var check = 0; needed && pull.Mergeable is null && check < MergeabilityChecks; check++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            pull = await vcs.GetPullRequestAsync(pull.Ref, cancellationToken);
        }

        return pull;
    }

    private static bool Matches(Project project, CommentCommand command)
    {
        if (command.Project is not null)
        {
            return string.Equals(project.Name, command.Project, StringComparison.Ordinal);
        }

        return (command.Dir is null || project.Dir == command.Dir)
            && (command.Workspace is null || project.Workspace == command.Workspace);
    }

    private static string NoPlansReply(CommentCommand command)
    {
        var which = command.TargetsAll ? "" : " matching your command";
        return $"There is no plan{which} to apply. Comment `{command.CommandName} plan` first, then apply it.";
    }

    private Task SetStatusAsync(PullRequestInfo pull, CommitState state, string description, CancellationToken cancellationToken) =>
        notifier.SetStatusAsync(pull.Ref, pull.HeadSha, new CommitStatus(StatusContexts.Apply, state, description), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Pull} dir {Dir} workspace {Workspace}")]
    private partial void LogApplying(PullRequestRef pull, string dir, string workspace);
}
