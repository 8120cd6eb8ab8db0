namespace IaCBot.Core.RunHistory;

/// <summary>How a run ended, as the run pages and the metrics tell it.</summary>
public enum RunOutcome
{
    Running,

    /// <summary>Every step that ran succeeded (a refusal, such as a lock held elsewhere, is a reply, not a failure).</summary>
    Succeeded,

    /// <summary>A terraform or custom step failed; the reply says which and why.</summary>
    Failed,

    /// <summary>A fault (the Git host down, a clone that failed) stopped the run.</summary>
    Error,

    /// <summary>The server stopped under it; the next start reports it on the PR.</summary>
    Interrupted,
}
