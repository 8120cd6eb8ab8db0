using IaCBot.Core.Vcs;

namespace IaCBot.Core.Events;

/// <summary>Someone commented on a PR. <paramref name="Author"/> comes from the host's event, never from the text.</summary>
/// <param name="Ticket">Its place in the PR's order, given at intake (see <see cref="Ordering.PullRequestTurns"/>); null when it has none.</param>
/// <param name="ViaApi">
/// Sent through the admin API by a holder of <c>api:secret</c> rather than commented: the commenter's permission check
/// is skipped (the API's caller is not a Git host user), every other check still applies.
/// </param>
public sealed record CommentEvent(PullRequestRef Pull, string Author, string Body, long? Ticket = null, bool ViaApi = false);
