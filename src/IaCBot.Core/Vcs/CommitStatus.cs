namespace IaCBot.Core.Vcs;

/// <summary>A status on a commit, such as <c>iacbot/plan</c>: pending, then success or failure.</summary>
public sealed record CommitStatus(string Context, CommitState State, string Description, string? TargetUrl = null);
