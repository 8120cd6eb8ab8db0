using IaCBot.Core.Concurrency;
using IaCBot.Core.Redaction;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Outbox;

/// <summary>
/// Delivers the outbox to the Git host, each PR's messages in order. A failed write stays in the outbox and is
/// tried again later; a comment that may have reached the host before the failure is looked for by its marker
/// first, so it is never posted twice. The host's error is kept with the message, masked: an error page may repeat
/// what it was sent.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore store,
    IVcsClient vcs,
    OutboxSettings settings,
    TimeProvider time,
    Redactor redactor,
    ILogger<OutboxDispatcher> logger)
{
    private readonly KeyedLock _pullLocks = new();

    /// <summary>The hidden line that identifies a posted comment, so a retry can tell it already went out.</summary>
    public static string Marker(string messageId) => $"<!-- iacbot:message:{messageId} -->";

    /// <summary>Room the marker takes in a comment body.</summary>
    public const int MarkerLength = 80;

    /// <summary>Delivers what is due, for one PR or for all; returns how many messages are still waiting.</summary>
    /// <param name="untriedGrace">
    /// Leaves a message never tried alone until it is this old. With a store several replicas share, the replica that
    /// added a message delivers it at once; another one polling must not deliver it at the same moment (its process
    /// lock cannot see the other's), only take it over if it is still there later, as after a crash.
    /// </param>
    public async Task<int> FlushAsync(PullRequestRef? pull, CancellationToken cancellationToken, TimeSpan? untriedGrace = null)
    {
        var pending = await store.ListPendingAsync(pull, cancellationToken);
        var waiting = 0;
        foreach (var group in pending.GroupBy(m => m.Pull))
        {
            waiting += await FlushPullAsync(group.Key, untriedGrace, cancellationToken);
        }

        return waiting;
    }

    private async Task<int> FlushPullAsync(PullRequestRef pull, TimeSpan? untriedGrace, CancellationToken cancellationToken)
    {
        using var held = await _pullLocks.AcquireAsync(pull.ToString(), cancellationToken);
        var messages = await store.ListPendingAsync(pull, cancellationToken);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var now = time.GetUtcNow();
            if (message.NextAttemptAt > now || (message.Attempts == 0 && untriedGrace is { } grace && message.CreatedAt > now - grace))
            {
                return messages.Count - i;
            }

            if (!await TryDeliverAsync(message, cancellationToken))
            {
                return messages.Count - i;
            }
        }

        return 0;
    }

    /// <summary>Delivers one message; false when it must wait, which holds back the PR's later messages too.</summary>
    private async Task<bool> TryDeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(message, cancellationToken);
            await store.RemoveAsync(message.Id, cancellationToken);
            return true;
        }
        catch (VcsException ex)
        {
            var attempts = message.Attempts + 1;
            var gaveUp = !ex.IsTransient && attempts >= settings.MaxAttempts;
            var delay = ex.RetryAfter is { } asked && asked > settings.DelayAfter(attempts) ? asked : settings.DelayAfter(attempts);
            await store.UpdateAsync(
                message with
                {
                    Attempts = attempts,
                    NextAttemptAt = time.GetUtcNow() + delay,
                    LastError = redactor.Redact(ex.Message),
                    GaveUp = gaveUp,
                },
                cancellationToken);
            if (gaveUp)
            {
                LogGaveUp(message.Kind, message.Pull, attempts, ex.Message);
                return true;
            }

            LogDeferred(message.Kind, message.Pull, attempts, delay, ex.Message);
            return false;
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxMessageKind.Comment:
                var marker = Marker(message.Id);
                if (message.Attempts > 0 && await AlreadyPostedAsync(message.Pull, marker, cancellationToken))
                {
                    return;
                }

                await vcs.CreateCommentAsync(message.Pull, message.Body + "\n\n" + marker, cancellationToken);
                return;
            case OutboxMessageKind.CommitStatus:
                await vcs.SetCommitStatusAsync(message.Pull.Repo, message.CommitSha!, message.Status!, cancellationToken);
                return;
            default:
                throw new InvalidOperationException($"Unknown outbox message kind {message.Kind}.");
        }
    }

    private async Task<bool> AlreadyPostedAsync(PullRequestRef pull, string marker, CancellationToken cancellationToken)
    {
        var comments = await vcs.ListCommentsAsync(pull, cancellationToken);
        return comments.Any(c => c.Body.Contains(marker, StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} for {Pull} not delivered (attempt {Attempts}); trying again in {Delay}: {Reason}")]
    private partial void LogDeferred(OutboxMessageKind kind, PullRequestRef pull, int attempts, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} for {Pull} refused {Attempts} times; kept in the outbox, no longer tried: {Reason}")]
    private partial void LogGaveUp(OutboxMessageKind kind, PullRequestRef pull, int attempts, string reason);
}
