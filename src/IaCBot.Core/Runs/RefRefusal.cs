namespace IaCBot.Core.Runs;

/// <summary>Why a run without a pull request cannot go ahead, in a sentence meant for the caller.</summary>
public sealed record RefRefusal(RefRefusalReason Reason, string Message);
