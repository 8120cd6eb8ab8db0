using System.Globalization;
using IaCBot.Core.Commands;
using IaCBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Access;

/// <summary>Refuses commands that change infrastructure or state while an administrator has disabled applies.</summary>
/// <remarks>
/// The switch is for incidents and freezes, when an apply must not happen, so it fails closed: if the store cannot
/// say whether applies are disabled, they are treated as disabled.
/// </remarks>
public sealed partial class ApplyLockGuard(IApplyLockStore store, ILogger<ApplyLockGuard> logger)
{
    public static bool Covers(CommandKind kind) => kind is CommandKind.Apply or CommandKind.Import or CommandKind.StateRm;

    /// <summary>The reply that refuses the command, or null when it may run.</summary>
    public async Task<string?> CheckAsync(CommentCommand command, CancellationToken cancellationToken)
    {
        if (!Covers(command.Kind))
        {
            return null;
        }

        ApplyLock? held;
        try
        {
            held = await store.GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the store's fault, the answer must be "not now", never "go ahead".
            LogUnreadable(ex);
            return $"IaCBot could not read whether applies are disabled on this server, so {Shown(command)} was not run. "
                + "Try again in a moment; an administrator can look at the server's log.";
        }

        return held is null ? null : Refusal(held, command);
    }

    private static string Refusal(ApplyLock held, CommentCommand command)
    {
        var since = held.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var reason = held.Reason is { Length: > 0 } text ? $"\n\nReason: {text}" : "";
        return $"Applies are disabled on this server: {held.SetBy} disabled them on {since}, so {Shown(command)} was not run.{reason}\n\n"
            + "An administrator enables them again with `DELETE /api/apply-lock`.";
    }

    private static string Shown(CommentCommand command) => InlineCode.Of($"{command.CommandName} {CommandWords.Of(command.Kind)}");

    [LoggerMessage(Level = LogLevel.Error, Message = "The apply lock could not be read: applies are refused until it can")]
    private partial void LogUnreadable(Exception exception);
}
