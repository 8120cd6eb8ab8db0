namespace IaCBot.Core.Vcs;

public enum CommitState
{
    Pending,
    Success,
    Failure,
    Error,
}
