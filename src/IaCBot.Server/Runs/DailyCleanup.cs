namespace IaCBot.Server.Runs;

/// <summary>A clean-up that runs once at start-up, then once a day until the server stops.</summary>
internal abstract class DailyCleanup(TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected TimeProvider Time { get; } = time;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            await CleanUpOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass. A failure is the pass's to log: tomorrow's pass catches up.</summary>
    internal abstract Task CleanUpOnceAsync(CancellationToken cancellationToken);
}
