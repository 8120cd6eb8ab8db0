namespace IaCBot.Core.Vcs;

public enum PullRequestState
{
    Open,
    Closed,
    Merged,
}
