using IaCBot.Core.Commands;
using IaCBot.Core.Outbox;
using IaCBot.Core.Projects;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Recovery;

/// <summary>
/// Deals with a run that a crash or a stop cut short. A plan is said to be interrupted and is run again. An apply,
/// import or state rm is never repeated: the pull request is told what IaCBot kept (locks), what it discarded (the
/// plans that may be partly applied) and what a person should check before going on. A commit status the run left
/// pending is set to error, so branch protection does not wait on it for ever.
/// </summary>
public sealed partial class InterruptedRunHandler(
    IVcsClient vcs,
    IPlanStore plans,
    ILockStore locks,
    CommentParser parser,
    PullRequestNotifier notifier,
    BotSettings settings,
    ILogger<InterruptedRunHandler> logger)
{
    /// <summary>
    /// Reports the run and says whether its work should be queued again. Everything it needs from the Git host is
    /// read before anything is changed, so a host that fails leaves the run as it was, to be dealt with later.
    /// </summary>
    public async Task<RecoveryAction> HandleAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        LogInterrupted(run.JobId, run.Kind, run.Pull, run.Owner);
        var command = (parser.Parse(run.Command) as CommentParseResult.Parsed)?.Command;
        var commandName = command?.CommandName ?? settings.DefaultCommandName;
        switch (run.Kind)
        {
            case JobKind.Autoplan or JobKind.Plan:
                var sha = await HeadShaAsync(run, cancellationToken);
                await notifier.CommentAsync(run.Pull, InterruptedReply.PlanAgain(run, commandName), cancellationToken);
                await SetErrorAsync(run.Pull, sha, StatusContexts.Plan, "Interrupted by a restart: planning again", cancellationToken);
                return RecoveryAction.RunAgain;
            case JobKind.Unlock:
                // Freeing locks twice frees nothing more, and the run's own reply says what it freed.
                return RecoveryAction.RunAgain;
            case JobKind.Apply or JobKind.Import or JobKind.StateRm:
                await ReportChangeAsync(run, command, commandName, cancellationToken);
                return RecoveryAction.Reported;
            default:
                await notifier.CommentAsync(run.Pull, InterruptedReply.AskAgain(run), cancellationToken);
                return RecoveryAction.Reported;
        }
    }

    private async Task ReportChangeAsync(JobRun run, CommentCommand? command, string commandName, CancellationToken cancellationToken)
    {
        var sha = run.Kind == JobKind.Apply ? await HeadShaAsync(run, cancellationToken) : null;
        var saved = await plans.ListAsync(run.Pull, cancellationToken);

        // A plan is deleted only once its apply has ended, so a plan the run covered may be the one it was applying
        // when it stopped. Applying it again could repeat half-made changes; only a new plan of the state as it is
        // now is safe. Plans the command did not cover are untouched.
        var discarded = saved.Where(p => Covers(command, p.Project)).ToList();
        foreach (var plan in discarded)
        {
            await plans.DeleteAsync(plan, cancellationToken);
        }

        var kept = saved.Except(discarded).ToList();
        var held = (await locks.ListAsync(cancellationToken)).Where(l => l.Pull == run.Pull).ToList();
        await notifier.CommentAsync(run.Pull, InterruptedReply.ChangeNotRepeated(run, commandName, held, discarded, kept), cancellationToken);
        if (sha is not null)
        {
            await SetErrorAsync(run.Pull, sha, StatusContexts.Apply, "Interrupted by a restart: not run again, see the PR", cancellationToken);
        }
    }

    /// <summary>The commit the run's status was on: known from a pull request event, else the head as it is now.</summary>
    private async Task<string> HeadShaAsync(JobRun run, CancellationToken cancellationToken) =>
        run.HeadSha ?? (await vcs.GetPullRequestAsync(run.Pull, cancellationToken)).HeadSha;

    private Task SetErrorAsync(PullRequestRef pull, string sha, string context, string description, CancellationToken cancellationToken) =>
        notifier.SetStatusAsync(pull, sha, new CommitStatus(context, CommitState.Error, description), cancellationToken);

    /// <summary>Whether the command chose this project, as apply chooses its plans; a command that cannot be read covers all.</summary>
    private static bool Covers(CommentCommand? command, Project project)
    {
        if (command is null || command.TargetsAll)
        {
            return true;
        }

        if (command.Project is not null)
        {
            return string.Equals(project.Name, command.Project, StringComparison.Ordinal);
        }

        return (command.Dir is null || project.Dir == command.Dir)
            && (command.Workspace is null || project.Workspace == command.Workspace);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) for {Pull} was cut short by a stop of {Owner}; dealing with it now")]
    private partial void LogInterrupted(string jobId, JobKind kind, PullRequestRef pull, string owner);
}
