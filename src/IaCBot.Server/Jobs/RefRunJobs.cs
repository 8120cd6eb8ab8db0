using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using IaCBot.Core.Access;
using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Logging;
using IaCBot.Core.Redaction;
using IaCBot.Core.RunHistory;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Runs a plan or apply without a pull request (see <see cref="RefRunner"/>) as a job of its own: recorded in the
/// job ledger (so that it never runs twice, and an apply a stop cut short is never repeated) and in the run history,
/// where its report, steps and log are all there is to see, since there is no pull request to answer on. Its
/// checkouts, named after the job, are deleted when it ends.
/// </summary>
internal sealed partial class RefRunJobs(
    RunLog runLog,
    RefRunner runner,
    ApplyLockGuard applyLock,
    IWorkingDirectories checkouts,
    CommentParser parser,
    IJobLedger ledger,
    InterruptedJobs interrupted,
    ServerInstance instance,
    CommentRenderer renderer,
    RunRecorder recorder,
    RunEnding ending,
    Redactor redactor,
    TimeProvider time,
    ILogger<RefRunJobs> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public Task RunAsync(RefRun work, PerformContext? context, CancellationToken cancellationToken) =>
        RunWorkAsync(work, context?.BackgroundJob.Id ?? throw new InvalidOperationException("The job was started without its Hangfire context."), cancellationToken);

    internal async Task RunWorkAsync(RefRun work, string jobId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new LogScope { ["Job"] = jobId, ["Repo"] = work.Repo.ToString(), ["Ref"] = work.Ref });
        var target = work.ToTarget();
        runLog.Begin(jobId);
        var kind = work.Kind == CommandKind.Apply ? JobKind.Apply : JobKind.Plan;
        var run = new JobRun(jobId, target.Pull, kind, work.Describe(), work.Sha, instance.Id, time.GetUtcNow(), JsonSerializer.Serialize(work));
        switch (await ledger.StartAsync(run, cancellationToken))
        {
            case JobStart.AlreadyFinished:
                return;
            case JobStart.Interrupted:
                await interrupted.DealWithAsync(run, cancellationToken);
                return;
        }

        recorder.Begin(new RunRecord(jobId, target.Pull, kind, run.Command, work.By, work.Sha, run.StartedAt, null, RunOutcome.Running, [], null, run.Owner));
        await recorder.SaveAsync(cancellationToken);
        ending.Started(jobId);
        try
        {
            var outcome = await WorkAsync(work, target, jobId, cancellationToken);
            await ledger.FinishAsync(jobId, time.GetUtcNow(), CancellationToken.None);
            await ending.FinishAsync(jobId, outcome);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not marked finished: the next start marks it interrupted, and never runs it again.
            await ending.FinishAsync(jobId, RunOutcome.Interrupted);
            throw;
        }
        catch (Exception ex)
        {
            LogFault(ex, work.Repo, work.Ref);
            var reason = ex is VcsException or GitException ? ex.Message : "An unexpected error; the server log has the details.";
            await recorder.RepliedAsync(redactor.Redact(renderer.RenderFailure("IaCBot could not finish this run.", reason)), CancellationToken.None);
            await ledger.FinishAsync(jobId, time.GetUtcNow(), CancellationToken.None);
            await ending.FinishAsync(jobId, RunOutcome.Error);
            if (redactor.Redact(ex) is RedactedException redacted)
            {
                throw redacted;
            }

            throw;
        }
        finally
        {
            await checkouts.DeleteRunAsync(work.Repo, jobId, CancellationToken.None);
        }
    }

    private async Task<RunOutcome> WorkAsync(RefRun work, RefTarget target, string jobId, CancellationToken cancellationToken)
    {
        var commands = work.Commands.Select(parser.Parse).OfType<CommentParseResult.Parsed>().Select(p => p.Command).ToList();
        if (commands.Count == 0 || commands.Count != work.Commands.Count)
        {
            throw new InvalidOperationException($"The queued commands of job {jobId} can no longer be read: {string.Join("; ", work.Commands)}");
        }

        // Applies may have been disabled since the run was queued.
        if (await applyLock.CheckAsync(commands[0], cancellationToken) is { } disabled)
        {
            await recorder.RepliedAsync(redactor.Redact(renderer.RenderFailure("Nothing was run.", disabled)), cancellationToken);
            return RunOutcome.Failed;
        }

        var result = await runner.RunAsync(target, work.Kind, commands, work.By, jobId, cancellationToken);
        var reply = result.Refusal is { } refusal
            ? renderer.RenderFailure("Nothing was run.", refusal.Message)
            : RefRunReply.WithoutPullRequestHints(renderer.RenderRun(work.Kind, commands[0].CommandName, result.Results, verbose: false));
        await recorder.RepliedAsync(redactor.Redact(reply), cancellationToken);
        return result.Succeeded ? RunOutcome.Succeeded : RunOutcome.Failed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The run of {Repo} at {Ref} without a pull request failed")]
    private partial void LogFault(Exception exception, RepoId repo, string @ref);
}
