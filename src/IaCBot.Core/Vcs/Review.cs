namespace IaCBot.Core.Vcs;

/// <summary>A submitted review. <paramref name="State"/> is the host's word: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED.</summary>
public sealed record Review(string User, string State, DateTimeOffset? SubmittedAt);
