using IaCBot.Core.RunHistory;
using IaCBot.Core.RunLogs;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Ends a job's run record. Its logs are stored first, so that a replica that sees the run ended finds them; a log
/// that cannot be stored is still on this replica's disk, which is no reason to fail the run.
/// </summary>
internal sealed partial class RunEnding(RunLog runLog, RunLogArchive logArchive, RunRecorder recorder, ILogger<RunEnding> logger)
{
    public async Task FinishAsync(string jobId, RunOutcome outcome)
    {
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
