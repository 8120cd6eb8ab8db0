using IaCBot.Core.RunHistory;
using IaCBot.Core.RunLogs;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Ends a job's run record. Its logs are stored first, so that a replica that sees the run ended finds them; a log
/// that cannot be stored is still on this replica's disk, which is no reason to fail the run. While the run goes
/// on, copies of its logs are stored every few seconds (<see cref="RunLogCheckpoints"/>) in case this replica dies.
/// </summary>
internal sealed partial class RunEnding(
    RunLog runLog,
    RunLogArchive logArchive,
    RunLogCheckpoints checkpoints,
    RunRecorder recorder,
    ILogger<RunEnding> logger)
{
    /// <summary>Called once the run is recorded as going on.</summary>
    public void Started(string jobId) => checkpoints.Start(jobId);

    public async Task FinishAsync(string jobId, RunOutcome outcome)
    {
        await checkpoints.StopAsync();
        try
        {
            await logArchive.KeepAsync(jobId, runLog.Files, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotKept(ex, jobId);
        }

        await recorder.FinishAsync(outcome, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the logs of job {JobId}; only this replica can show them")]
    private partial void LogNotKept(Exception exception, string jobId);
}
