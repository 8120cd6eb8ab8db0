namespace IaCBot.Core.RunHistory;

public enum StepStatus
{
    Running,
    Succeeded,
    Failed,
}
