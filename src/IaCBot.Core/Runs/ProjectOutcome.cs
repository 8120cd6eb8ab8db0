namespace IaCBot.Core.Runs;

/// <summary>How one project fared in one command. Expected outcomes, not faults: each is rendered into the PR comment.</summary>
public enum ProjectOutcome
{
    /// <summary>The plan succeeded and shows changes to make.</summary>
    PlannedChanges,

    /// <summary>The plan succeeded and the infrastructure already matches the code.</summary>
    PlannedNoChanges,

    /// <summary>The saved plan was applied.</summary>
    Applied,

    /// <summary>Terraform failed; the output holds its error.</summary>
    Failed,

    /// <summary>Another PR holds the lock on this directory and workspace; nothing ran.</summary>
    Locked,

    /// <summary>IaCBot would not run it (a requirement unmet, a stale plan, no plan); the message says why.</summary>
    Refused,
}
