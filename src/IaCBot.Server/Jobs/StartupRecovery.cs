using IaCBot.Core.Logging;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Runs once as the server starts, before its workers take any job: finds the runs a crash or a stop cut short and
/// deals with each (see <see cref="InterruptedJobs"/>). The job ledger lives in LiteDB, which one process holds at a
/// time, so every unfinished run another instance started belongs to a process that is gone. Replicas sharing a store
/// will need a heartbeat per owner here, to leave the runs of live ones alone.
/// </summary>
internal sealed partial class StartupRecovery(
    IJobLedger ledger,
    ServerInstance instance,
    IServiceScopeFactory scopes,
    ILogger<StartupRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var interrupted = (await ledger.ListUnfinishedAsync(cancellationToken)).Where(r => r.Owner != instance.Id).ToList();
        if (interrupted.Count > 0)
        {
            LogFound(interrupted.Count);
        }

        foreach (var run in interrupted)
        {
            // Another replica sweeping at the same moment may have taken it.
            if (!await ledger.TryTakeOverAsync(run, instance.Id, cancellationToken))
            {
                continue;
            }

            using var scope = scopes.CreateScope();
            using var logScope = logger.BeginScope(new LogScope { ["Job"] = run.JobId, ["Pull"] = run.Pull.ToString() });
            try
            {
                await scope.ServiceProvider.GetRequiredService<InterruptedJobs>().DealWithAsync(run, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left unfinished: the next start, or the queue handing the job out again, deals with it then.
                LogFailed(ex, run.JobId, run.Pull);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} jobs were cut short when the server last stopped; reporting them")]
    private partial void LogFound(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deal with interrupted job {JobId} for {Pull}; it is tried again at the next start")]
    private partial void LogFailed(Exception exception, string jobId, IaCBot.Core.Vcs.PullRequestRef pull);
}
