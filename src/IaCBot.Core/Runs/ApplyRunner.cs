using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// Applies a PR's saved plans (all, or those the comment names), each only when it was made from the PR's
/// current head commit, its lock is the PR's, its dependencies are applied and its apply requirements hold.
/// </summary>
public sealed partial class ApplyRunner(
    IVcsClient vcs,
    IPlanStore plans,
    IWorkingDirectories checkouts,
    RunConfigurationLoader configurations,
    ProjectApplier applier,
    ProjectLocker locker,
    RequirementChecker requirements,
    ProjectScheduler scheduler,
    WorkflowHooks hooks,
    Automerge automerge,
    PullRequestNotifier notifier,
    CommentRenderer renderer,
    TimeProvider time,
    ILogger<ApplyRunner> logger)
{
    private const int MergeabilityChecks = 3;

    public async Task RunAsync(PullRequestInfo pull, CommentCommand command, string user, CancellationToken cancellationToken)
    {
        var pending = await plans.ListAsync(pull.Ref, cancellationToken);
        var chosen = pending.Where(p => Matches(p.Project, command)).ToList();
        if (chosen.Count == 0)
        {
            await notifier.CommentAsync(pull.Ref, NoPlansReply(command), cancellationToken);
            return;
        }

        await SetStatusAsync(pull, CommitState.Pending, "Applying…", cancellationToken);
        try
        {
            await ApplyAsync(pull, chosen, pending, command, user, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await SetStatusAsync(pull, CommitState.Error, "Apply stopped by an error: see the PR comment", CancellationToken.None);
            throw;
        }
    }

    /// <param name="pending">Every plan of the PR: a dependency with a plan of its own must be applied first, even when the comment did not name it.</param>
    private async Task ApplyAsync(
        PullRequestInfo pull, List<PlanRecord> chosen, IReadOnlyList<PlanRecord> pending, CommentCommand command, string user, CancellationToken cancellationToken)
    {
        var (configuration, problem) = await configurations.LoadAsync(pull, cancellationToken);
        if (configuration is null)
        {
            await notifier.CommentAsync(pull.Ref, problem ?? "", cancellationToken);
            await SetStatusAsync(pull, CommitState.Failure, "Nothing applied: see the PR comment", cancellationToken);
            return;
        }

        // The policy and dependencies come from the config at the planned commit, which is the head commit here.
        chosen = chosen.Select(p => p with { Project = p.Project with { Config = configuration.ConfigFor(p.Project) } }).ToList();
        pull = await WithKnownMergeabilityAsync(pull, chosen, configuration, cancellationToken);
        var hookRun = new HookRun(pull, configuration.Checkout, user, CommandKind.Apply, command.ExtraArgs);
        await hooks.RunPreAsync(configuration.Effective.PreWorkflowHooks, hookRun, cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var results = await scheduler.RunAsync(
            chosen,
            p => p.Project,
            ApplyOrder.For(chosen),
            configuration.Effective.ParallelApply,
            configuration.Effective.AbortOnExecutionOrderFail,
            plan => ApplyOneAsync(pull, plan, command, user, configuration, pending, applied, cancellationToken),
            plan => ProjectApplier.Refused(plan, "Not applied: a project of an earlier execution order group failed."));
        await hooks.RunPostAsync(configuration.Effective.PostWorkflowHooks, hookRun, cancellationToken);

        var shown = results.Where(r => !configuration.PolicyFor(r.Project).SilencePrComments.Contains("apply")).ToList();
        if (shown.Count > 0)
        {
            await notifier.CommentAsync(pull.Ref, renderer.RenderRun(CommandKind.Apply, command.CommandName, shown, command.Verbose), cancellationToken);
        }

        var count = results.Count(r => r.Outcome == ProjectOutcome.Applied);
        var state = count == results.Count ? CommitState.Success : CommitState.Failure;
        await SetStatusAsync(pull, state, $"{count}/{results.Count} projects applied", cancellationToken);
        if (state == CommitState.Success && configuration.Effective.Automerge)
        {
            await automerge.MergeIfDoneAsync(pull, configuration.Effective.DeleteSourceBranchOnMerge, cancellationToken);
        }
    }

    private async Task<ProjectResult> ApplyOneAsync(
        PullRequestInfo pull, PlanRecord plan, CommentCommand command, string user, RunConfiguration configuration,
        IReadOnlyList<PlanRecord> pending, HashSet<string> applied, CancellationToken cancellationToken)
    {
        using var scope = ProjectLogScope.Begin(logger, plan.Project);
        LogApplying(pull.Ref, plan.Project.Dir, plan.Project.Workspace);
        var policy = configuration.PolicyFor(plan.Project);
        if (await RefusalAsync(pull, plan, command, user, policy, pending, applied, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        try
        {
            var checkout = await checkouts.PrepareAsync(pull, plan.Project.Workspace, cancellationToken);
            var result = await applier.ApplyAsync(pull, plan, policy, checkout, user, command, cancellationToken);
            if (result.Outcome == ProjectOutcome.Applied && plan.Project.Name is { } name)
            {
                lock (applied)
                {
                    applied.Add(name);
                }
            }

            return result;
        }
        catch (GitException ex)
        {
            return new ProjectResult(plan.Project, CommandKind.Apply, ProjectOutcome.Failed, "", Message: ex.Message);
        }
    }

    /// <summary>Why the plan must not be applied now, or null when it may.</summary>
    private async Task<ProjectResult?> RefusalAsync(
        PullRequestInfo pull, PlanRecord plan, CommentCommand command, string user, ServerConfig.ProjectPolicy policy,
        IReadOnlyList<PlanRecord> pending, HashSet<string> applied, CancellationToken cancellationToken)
    {
        if (plan.HeadSha != pull.HeadSha)
        {
            await plans.DeleteAsync(plan, cancellationToken);
            return ProjectApplier.Refused(plan,
                $"This plan was made at commit {StepContexts.ShortSha(plan.HeadSha)}, but the pull request is now at "
                + $"{StepContexts.ShortSha(pull.HeadSha)}. It was discarded: run `{command.CommandName} plan` again.");
        }

        if (WaitingFor(plan, pending, applied) is { } dependency)
        {
            return ProjectApplier.Refused(plan, $"It depends on `{dependency}`, which must be applied first.");
        }

        var unmet = await requirements.UnmetAsync(pull, policy.ApplyRequirements, cancellationToken);
        if (unmet.Count > 0)
        {
            return ProjectApplier.Refused(plan, "Not applied: " + string.Join(" ", unmet));
        }

        return policy.RepoLocks switch
        {
            RepoLocksMode.OnPlan when !await locker.HoldsAsync(pull, plan.Project, cancellationToken) =>
                await LostLockAsync(plan, command, cancellationToken),
            RepoLocksMode.OnApply when await locker.TakeAsync(pull, plan.Project, user, cancellationToken) is { } holder =>
                new ProjectResult(plan.Project, CommandKind.Apply, ProjectOutcome.Locked, "", LockHolder: holder),
            _ => null,
        };
    }

    private async Task<ProjectResult> LostLockAsync(PlanRecord plan, CommentCommand command, CancellationToken cancellationToken)
    {
        await plans.DeleteAsync(plan, cancellationToken);
        return ProjectApplier.Refused(plan,
            $"This pull request no longer holds the lock on this directory and workspace. Run `{command.CommandName} plan` again.");
    }

    /// <summary>A dependency of the plan that has a plan of its own waiting, not applied yet.</summary>
    private static string? WaitingFor(PlanRecord plan, IReadOnlyList<PlanRecord> pending, HashSet<string> applied)
    {
        lock (applied)
        {
            return (plan.Project.Config?.DependsOn ?? [])
                .FirstOrDefault(name => pending.Any(p => p.Project.Name == name) && !applied.Contains(name));
        }
    }

    /// <summary>
    /// GitHub computes mergeability in the background and answers null until it is done, so ask again a few
    /// times before judging a <c>mergeable</c> requirement.
    /// </summary>
    private async Task<PullRequestInfo> WithKnownMergeabilityAsync(
        PullRequestInfo pull, List<PlanRecord> chosen, RunConfiguration configuration, CancellationToken cancellationToken)
    {
        var needed = chosen.Any(p => configuration.PolicyFor(p.Project).ApplyRequirements.Contains("mergeable", StringComparer.OrdinalIgnoreCase));
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
