namespace IaCBot.Core.Storage;

/// <summary>
/// Which queued jobs have started and finished. A queue may hand out a job twice (after a crash, or when a job
/// outlives the queue's lease); the ledger makes the second run harmless, which matters most for an apply.
/// </summary>
public interface IJobLedger
{
    Task<JobStart> StartAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    Task FinishAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);
}
