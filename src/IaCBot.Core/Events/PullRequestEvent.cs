using IaCBot.Core.Vcs;

namespace IaCBot.Core.Events;

/// <summary>A PR was opened, pushed to, marked ready, reopened or closed, whichever host told us.</summary>
/// <param name="Ticket">Its place in the PR's order, given at intake (see <see cref="Ordering.PullRequestTurns"/>); null when it has none.</param>
public sealed record PullRequestEvent(PullRequestAction Action, PullRequestInfo Pull, string Sender, long? Ticket = null);
