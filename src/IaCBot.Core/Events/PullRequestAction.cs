namespace IaCBot.Core.Events;

public enum PullRequestAction
{
    Opened,
    Reopened,
    Synchronized,
    ReadyForReview,
    Closed,
}
