using IaCBot.Core.Vcs;

namespace IaCBot.Core.Storage;

/// <summary>An open ticket: a delivery of the PR whose job has not finished.</summary>
/// <param name="ClaimedBy">The server run whose job took it (waiting for its turn or running); null while it is queued.</param>
public sealed record PullRequestTicket(PullRequestRef Pull, long Number, DateTimeOffset IssuedAt, string? ClaimedBy);
