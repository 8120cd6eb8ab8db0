namespace IaCBot.Server.Tests.Fakes;

/// <summary>A submitted review. <paramref name="State"/> is GitHub's word: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED.</summary>
public sealed record FakeReview(long Id, string User, string State, DateTimeOffset SubmittedAt)
{
    /// <summary>The head commit the review was submitted on, as GitHub records it.</summary>
    public string CommitId { get; init; } = "";
}
