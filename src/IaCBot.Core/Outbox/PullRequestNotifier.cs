using IaCBot.Core.Comments;
using IaCBot.Core.Redaction;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Outbox;

/// <summary>
/// What the runners call to tell a PR something. Every comment and status goes through the outbox first and is
/// then delivered at once; a host that fails only delays it. This is the last gate before the store and the host:
/// whatever reached the text on the way, the server's secrets are masked here, before the text is split or cut.
/// </summary>
/// <param name="limits">How many comments one reply may take; <see cref="CommentLimits.Default"/> when not given.</param>
public sealed class PullRequestNotifier(
    IOutboxStore store, OutboxDispatcher dispatcher, IVcsClient vcs, TimeProvider time, Redactor redactor, CommentLimits? limits = null)
{
    private readonly int _maxParts = (limits ?? CommentLimits.Default).MaxParts;

    /// <summary>Posts a comment, split into several (at most <see cref="CommentLimits.MaxParts"/>) when it is longer than the host allows.</summary>
    public async Task CommentAsync(PullRequestRef pull, string markdown, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return;
        }

        markdown = redactor.Redact(markdown);
        if (RunHistory.RunRecorder.Current is { } run)
        {
            await run.RepliedAsync(markdown, cancellationToken);
        }

        var parts = CommentSplitter.Split(markdown, vcs.MaxCommentLength(pull.Repo) - OutboxDispatcher.MarkerLength, _maxParts);
        foreach (var part in parts)
        {
            await store.AddAsync(NewMessage(pull, OutboxMessageKind.Comment) with { Body = part }, cancellationToken);
        }

        await dispatcher.FlushAsync(pull, cancellationToken);
    }

    public async Task SetStatusAsync(
        PullRequestRef pull, string sha, CommitStatus status, CancellationToken cancellationToken)
    {
        var masked = status with { Description = redactor.Redact(status.Description), TargetUrl = redactor.Redact(status.TargetUrl) };
        var message = NewMessage(pull, OutboxMessageKind.CommitStatus) with { CommitSha = sha, Status = masked };
        await store.AddAsync(message, cancellationToken);
        await dispatcher.FlushAsync(pull, cancellationToken);
    }

    private OutboxMessage NewMessage(PullRequestRef pull, OutboxMessageKind kind) =>
        new(Guid.NewGuid().ToString("N"), 0, pull, kind, null, null, null, time.GetUtcNow());
}
