using IaCBot.Core.Vcs;

namespace IaCBot.Core.Events;

/// <summary>A PR was opened, pushed to, marked ready, reopened or closed, whichever host told us.</summary>
public sealed record PullRequestEvent(PullRequestAction Action, PullRequestInfo Pull, string Sender);
