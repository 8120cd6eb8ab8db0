namespace IaCBot.Core.Outbox;

/// <summary>How hard to try a write the Git host refused.</summary>
/// <param name="FirstRetryDelay">The wait after the first failure; it doubles with each further failure.</param>
/// <param name="MaxAttempts">Attempts before a write the host keeps refusing as invalid is given up (kept, marked).</param>
public sealed record OutboxSettings(TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay, int MaxAttempts)
{
    public static OutboxSettings Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), 20);

    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < FirstRetryDelay ? FirstRetryDelay : delay;
    }
}
