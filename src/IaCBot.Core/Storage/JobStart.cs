namespace IaCBot.Core.Storage;

/// <summary>What the job ledger says when a queued job starts.</summary>
public enum JobStart
{
    /// <summary>The first time this job runs: go ahead.</summary>
    First,

    /// <summary>It ran to its end before: a redelivered job, nothing to do.</summary>
    AlreadyFinished,

    /// <summary>It started before and never finished: the process stopped under it. It must not run again unseen.</summary>
    Interrupted,
}
