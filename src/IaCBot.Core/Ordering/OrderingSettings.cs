namespace IaCBot.Core.Ordering;

/// <summary>How long a PR's command waits for an earlier one that never starts.</summary>
/// <param name="MissingTicketWait">
/// How long an earlier ticket may stay queued, unclaimed by any job, before the commands after it go on without it.
/// </param>
/// <param name="PollInterval">How often the store is looked at again; a finished command in this process wakes waiters at once.</param>
public sealed record OrderingSettings(TimeSpan MissingTicketWait, TimeSpan PollInterval)
{
    public static OrderingSettings Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
}
