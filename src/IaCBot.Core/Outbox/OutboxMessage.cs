using IaCBot.Core.Vcs;

namespace IaCBot.Core.Outbox;

/// <summary>
/// A write to the Git host that must happen: a PR comment or a commit status. It stays in the store until the host
/// took it, so a host that answers 500 delays it but never loses it.
/// </summary>
/// <param name="Sequence">Order of the PR's messages: a later status must never be overtaken by an earlier one.</param>
/// <param name="Attempts">Failed attempts so far. After one, a comment is looked for on the PR before it is posted again.</param>
public sealed record OutboxMessage(
    string Id,
    long Sequence,
    PullRequestRef Pull,
    OutboxMessageKind Kind,
    string? Body,
    string? CommitSha,
    CommitStatus? Status,
    DateTimeOffset CreatedAt,
    int Attempts = 0,
    DateTimeOffset? NextAttemptAt = null,
    string? LastError = null,
    bool GaveUp = false);
