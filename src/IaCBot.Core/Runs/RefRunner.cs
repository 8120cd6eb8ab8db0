using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Locking;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// Plans, or plans and applies, a commit without a pull request (the admin API's <c>POST /api/plan</c> and
/// <c>/api/apply</c> with a ref): drift checks of the default branch, applies of a tag from a pipeline. It runs the
/// same workflows under the same repo config and server policies as a pull request's command, in checkouts of its
/// own, and keeps nothing: no saved plan (a plan without a pull request can never be applied later, so it takes no
/// lock either), no comment, no commit status. An apply plans first and applies that plan at once, holding each
/// project's lock meanwhile, and is refused when a pull request holds one or when a project has apply requirements,
/// which only a pull request can meet.
/// </summary>
public sealed partial class RefRunner(
    IWorkingDirectories checkouts,
    RunConfigurationLoader configurations,
    ILockStore locks,
    StepContexts contexts,
    WorkflowRunner workflows,
    ProjectScheduler scheduler,
    TimeProvider time,
    ILogger<RefRunner> logger)
{
    /// <summary>
    /// What the run would do, read from the commit checked out as <paramref name="run"/>, which the caller deletes
    /// (<see cref="IWorkingDirectories.DeleteRunAsync"/>).
    /// </summary>
    /// <param name="commands">One command a target (<c>plan -d DIR</c>, <c>apply -p NAME</c>), or one that targets all.</param>
    public async Task<RefSelection> SelectAsync(
        RefTarget target, CommandKind kind, IReadOnlyList<CommentCommand> commands, string run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(commands);
        var checkout = await checkouts.PrepareRunAsync(target.Repo, target.Commit, run, ProjectKey.DefaultWorkspace, cancellationToken);
        var (configuration, problem) = configurations.Load(checkout, target.Repo, target.Ref);
        if (configuration is null)
        {
            return Refused(RefRefusalReason.InvalidConfig, problem ?? "The repo config cannot be used.");
        }

        var projects = new List<Project>();
        foreach (var command in commands)
        {
            var files = command.TargetsAll ? RepositoryFiles(checkout) : [];
            switch (ProjectFinder.Select(command, files, configuration.RepoConfig, checkout, target.Ref))
            {
                case ProjectSelection.Error error:
                    return Refused(RefRefusalReason.BadTarget, error.Message);
                case ProjectSelection.Selected selected:
                    projects.AddRange(selected.Projects.Where(p => !projects.Exists(q => q.Key == p.Key)));
                    break;
            }
        }

        if (projects.Count == 0)
        {
            return Refused(RefRefusalReason.NoProjects, $"{target.Ref} ({StepContexts.ShortSha(target.Commit.Sha)}) holds no Terraform project to run.");
        }

        var refusal = NeedsPullRequest(kind, projects, configuration)
            ?? (kind == CommandKind.Apply ? await LockedAsync(target, projects, null, cancellationToken) : null);
        return new RefSelection(configuration, ProjectFinder.InOrder(projects), refusal);
    }

    /// <summary>Runs the commands in the checkouts named <paramref name="run"/>; the caller deletes them afterwards.</summary>
    public async Task<RefRunResult> RunAsync(
        RefTarget target, CommandKind kind, IReadOnlyList<CommentCommand> commands, string user, string run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var selection = await SelectAsync(target, kind, commands, run, cancellationToken);
        if (selection.Refusal is { } refusal || selection.Configuration is not { } configuration)
        {
            return new RefRunResult([], selection.Refusal);
        }

        var holder = LockHolder(user, run);
        var taken = new List<LockKey>();
        try
        {
            if (kind == CommandKind.Apply && await LockAsync(target, selection.Projects, holder, taken, cancellationToken) is { } locked)
            {
                return new RefRunResult([], locked);
            }

            var results = await scheduler.RunAsync(
                selection.Projects,
                p => p,
                parallel: false,
                configuration.Effective.AbortOnExecutionOrderFail,
                project => RunProjectAsync(target, kind, project, commands[0], user, run, configuration, cancellationToken),
                project => new ProjectResult(project, kind, ProjectOutcome.Refused, "", Message: "Not run: a project of an earlier execution order group failed."));
            return new RefRunResult(results, null);
        }
        finally
        {
            foreach (var key in taken)
            {
                await locks.ReleaseAsync(key, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Who a run's locks are held by. It names the run, so that two runs of the API never take each other's lock for
    /// their own, and so that the locks of a run a crash cut short can be told apart and released.
    /// </summary>
    public static string LockHolder(string user, string run) => $"{user} (run {run})";

    /// <summary>Whether <paramref name="held"/> is a lock the run <paramref name="run"/> without a pull request took.</summary>
    public static bool HeldByRun(ProjectLock held, Vcs.RepoId repo, string run)
    {
        ArgumentNullException.ThrowIfNull(held);
        return RefTarget.IsRefRun(held.Pull) && held.Pull.Repo == repo && held.User.EndsWith($" (run {run})", StringComparison.Ordinal);
    }

    private async Task<ProjectResult> RunProjectAsync(
        RefTarget target, CommandKind kind, Project project, CommentCommand command, string user, string run, RunConfiguration configuration,
        CancellationToken cancellationToken)
    {
        using var scope = ProjectLogScope.Begin(logger, project);
        LogRunning(kind, target.Repo, target.Ref, project.Dir, project.Workspace);
        var pull = target.AsPull(user);
        var checkout = await checkouts.PrepareRunAsync(target.Repo, target.Commit, run, project.Workspace, cancellationToken);
        var policy = configuration.PolicyFor(project);
        var (context, problem) = await contexts.CreateAsync(pull, project, checkout, user, command, cancellationToken);
        if (context is null)
        {
            return new ProjectResult(project, kind, ProjectOutcome.Failed, "", Message: problem);
        }

        var plan = await workflows.RunAsync(policy.Workflow.Plan, CommandKind.Plan, context, cancellationToken);
        if (!plan.Succeeded)
        {
            return new ProjectResult(project, CommandKind.Plan, ProjectOutcome.Failed, plan.Output, Message: plan.FailureMessage, Log: context.Log, Omitted: plan.Omitted);
        }

        var summary = plan.Plan?.Summary?.ToString() ?? TerraformOutput.FindSummary(plan.Output);
        if (kind != CommandKind.Apply)
        {
            var outcome = plan.Plan?.HasChanges ?? true ? ProjectOutcome.PlannedChanges : ProjectOutcome.PlannedNoChanges;
            return new ProjectResult(project, CommandKind.Plan, outcome, plan.Output, summary, Log: context.Log, Omitted: plan.Omitted);
        }

        if (!File.Exists(context.PlanFile))
        {
            return new ProjectResult(project, CommandKind.Apply, ProjectOutcome.Refused, plan.Output, summary,
                Message: "The plan stage wrote no plan file, so there is nothing to apply.", Log: context.Log);
        }

        var apply = await workflows.RunAsync(policy.Workflow.Apply, CommandKind.Apply, context, cancellationToken);
        return apply.Succeeded
            ? new ProjectResult(project, CommandKind.Apply, ProjectOutcome.Applied, apply.Output, TerraformOutput.FindSummary(apply.Output), Log: context.Log, Omitted: apply.Omitted)
            : new ProjectResult(project, CommandKind.Apply, ProjectOutcome.Failed, apply.Output, Message: apply.FailureMessage, Log: context.Log, Omitted: apply.Omitted);
    }

    /// <summary>
    /// Requirements are checked against a pull request (its reviews, its mergeability, its base branch); a run
    /// without one has nothing to check them against, so it must not pretend they hold.
    /// </summary>
    private static RefRefusal? NeedsPullRequest(CommandKind kind, IReadOnlyList<Project> projects, RunConfiguration configuration)
    {
        foreach (var project in projects)
        {
            var policy = configuration.PolicyFor(project);
            var requirements = kind == CommandKind.Apply ? policy.ApplyRequirements : policy.PlanRequirements;
            if (requirements.Count > 0)
            {
                var which = kind == CommandKind.Apply ? "apply_requirements" : "plan_requirements";
                return new RefRefusal(RefRefusalReason.NeedsPullRequest,
                    $"{Describe(project)} has {which} ({string.Join(", ", requirements)}), which only a pull request can meet: "
                    + $"{CommandWords.Of(kind)} it through a pull request instead.");
            }
        }

        return null;
    }

    /// <summary>A lock held by a pull request, or by another run than <paramref name="holder"/>; null when none is.</summary>
    private async Task<RefRefusal?> LockedAsync(RefTarget target, IReadOnlyList<Project> projects, string? holder, CancellationToken cancellationToken)
    {
        foreach (var project in projects)
        {
            if (await locks.GetAsync(KeyOf(target, project), cancellationToken) is { } held && held.User != holder)
            {
                return LockedBy(project, held);
            }
        }

        return null;
    }

    private async Task<RefRefusal?> LockAsync(
        RefTarget target, IReadOnlyList<Project> projects, string holder, List<LockKey> taken, CancellationToken cancellationToken)
    {
        foreach (var project in projects)
        {
            var key = KeyOf(target, project);
            var held = await locks.TryAcquireAsync(new ProjectLock(key, target.Pull, holder, time.GetUtcNow(), project.Name), cancellationToken);
            if (held.Pull != target.Pull || held.User != holder)
            {
                return LockedBy(project, held);
            }

            taken.Add(key);
        }

        return null;
    }

    private static RefRefusal LockedBy(Project project, ProjectLock held) =>
        new(RefRefusalReason.Locked, RefTarget.IsRefRun(held.Pull)
            ? $"{Describe(project)} is locked by another run without a pull request ({held.User}); try again when it has ended."
            : $"{Describe(project)} is locked by pull request {held.Pull} (planned by {held.User}): apply or unlock it there first.");

    private static LockKey KeyOf(RefTarget target, Project project) => new(target.Repo, project.Dir, project.Workspace);

    private static string Describe(Project project) =>
        project.Name is { Length: > 0 } name
            ? $"The project `{name}`"
            : $"The directory `{project.Dir}` (workspace `{project.Workspace}`)";

    /// <summary>Every file of the commit, so that a run naming no target finds every project as if all had changed.</summary>
    private static List<string> RepositoryFiles(string checkout)
    {
        var root = new DirectoryInfo(checkout);
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>([root]);
        while (pending.TryPop(out var dir))
        {
            foreach (var sub in dir.EnumerateDirectories().Where(d => d.Name is not (".git" or ".terraform") && (d.Attributes & FileAttributes.ReparsePoint) == 0))
            {
                pending.Push(sub);
            }

            files.AddRange(dir.EnumerateFiles().Select(f => Path.GetRelativePath(checkout, f.FullName).Replace('\\', '/')));
        }

        return files;
    }

    private static RefSelection Refused(RefRefusalReason reason, string message) => new(null, [], new RefRefusal(reason, message));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} of {Repo} at {Ref} without a pull request: dir {Dir} workspace {Workspace}")]
    private partial void LogRunning(CommandKind kind, Vcs.RepoId repo, string @ref, string dir, string workspace);
}
