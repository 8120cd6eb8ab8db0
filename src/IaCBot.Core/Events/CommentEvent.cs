using IaCBot.Core.Vcs;

namespace IaCBot.Core.Events;

/// <summary>Someone commented on a PR. <paramref name="Author"/> comes from the host's event, never from the text.</summary>
public sealed record CommentEvent(PullRequestRef Pull, string Author, string Body);
