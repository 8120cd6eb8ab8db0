namespace IaCBot.Core.Storage;

/// <summary>
/// Which queued jobs have started and finished, and what each one is. A queue may hand out a job twice (after a
/// crash, or when a job outlives the queue's lease); the ledger makes the second run harmless, which matters most
/// for an apply. Runs left unfinished by a server that stopped are found at the next start and reported.
/// </summary>
public interface IJobLedger
{
    /// <summary>Records that <paramref name="run"/> starts, unless its job started before: then says how that ended.</summary>
    Task<JobStart> StartAsync(JobRun run, CancellationToken cancellationToken);

    /// <summary>Marks the job finished: it ran to its end, or its interruption was dealt with.</summary>
    Task FinishAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Runs that started and never finished, oldest first, whichever process started them. With one process per store
    /// (LiteDB locks its file) those not started by the current process belong to one that is gone. A store shared by
    /// several replicas lists only the runs of owners that are gone.
    /// </summary>
    Task<IReadOnlyList<JobRun>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes an interrupted run <paramref name="owner"/>'s to deal with. Of several replicas asking at once exactly one
    /// gets true; the run is then that one's, so if it dies in turn before finishing, the run is interrupted again.
    /// </summary>
    Task<bool> TryTakeOverAsync(JobRun run, string owner, CancellationToken cancellationToken);
}
