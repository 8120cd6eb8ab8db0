namespace IaCBot.Core.RunHistory;

/// <summary>One workflow step of a project in a run: <c>init</c>, <c>plan</c>, <c>run</c>, ...</summary>
/// <param name="Duration">Null while it runs.</param>
public sealed record StepRun(string Name, StepStatus Status, TimeSpan? Duration);
