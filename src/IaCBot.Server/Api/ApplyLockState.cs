using IaCBot.Core.Storage;

namespace IaCBot.Server.Api;

/// <summary>What <c>/api/apply-lock</c> answers: whether applies are disabled, since when, by whom and why.</summary>
internal sealed record ApplyLockState(bool Locked, string? By, DateTimeOffset? Since, string? Reason)
{
    public static ApplyLockState Of(ApplyLock? held) =>
        held is null ? new(false, null, null, null) : new(true, held.SetBy, held.Since, held.Reason);
}
