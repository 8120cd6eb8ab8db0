namespace IaCBot.Core.Outbox;

public enum OutboxMessageKind
{
    Comment,
    CommitStatus,
}
