namespace IaCBot.Core.Recovery;

/// <summary>What became of a run that a stop of the server cut short.</summary>
public enum RecoveryAction
{
    /// <summary>It is safe to repeat (a plan, an unlock): queue the same work again.</summary>
    RunAgain,

    /// <summary>It was reported on the pull request and must not run again unless a person asks.</summary>
    Reported,
}
