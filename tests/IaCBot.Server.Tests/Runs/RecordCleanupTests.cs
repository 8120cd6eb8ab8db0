using IaCBot.Server.Configuration;
using IaCBot.Server.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Server.Tests.Runs;

/// <summary>
/// <c>server:run_retention</c> and the delivery records' fourteen days: when the records are cleaned up and how far
/// back the cut goes.
/// </summary>
public sealed class RecordCleanupTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLogger<RecordCleanup> _logger = new();

    [Fact]
    public async Task Runs_older_than_the_setting_and_deliveries_older_than_fourteen_days_are_deleted_at_start_up_and_each_day()
    {
        var runs = new RecordedCutoffs(deletedEachTime: 3);
        var deliveries = new RecordedCutoffs(deletedEachTime: 40);
        using var cleanup = Cleanup(runs, deliveries, "10d");

        await cleanup.StartAsync(CancellationToken.None);
        var atStart = (await runs.NextAsync(), await deliveries.NextAsync());
        _time.Advance(TimeSpan.FromDays(1));
        var nextDay = (await runs.NextAsync(), await deliveries.NextAsync());
        await cleanup.StopAsync(CancellationToken.None);

        Assert.Equal((At(2026, 11, 18), At(2026, 11, 14)), atStart);
        Assert.Equal((At(2026, 11, 19), At(2026, 11, 15)), nextDay);
        Assert.Contains(_logger.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith("Deleted the records of 3 runs", StringComparison.Ordinal));
        Assert.Contains(_logger.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith("Deleted the records of 40 webhook deliveries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task By_default_runs_are_kept_ninety_days_and_nothing_is_logged_when_none_was_deleted()
    {
        var runs = new RecordedCutoffs(deletedEachTime: 0);
        var deliveries = new RecordedCutoffs(deletedEachTime: 0);
        using var cleanup = Cleanup(runs, deliveries, new ServerOptions().RunRetention);

        await cleanup.StartAsync(CancellationToken.None);
        var cutoff = await runs.NextAsync();
        await deliveries.NextAsync();
        await cleanup.StopAsync(CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().AddDays(-90), cutoff);
        Assert.Empty(_logger.Lines);
    }

    [Fact]
    public async Task A_store_that_fails_is_logged_and_tried_again_the_next_day_without_keeping_the_other_clean_up()
    {
        var runs = new RecordedCutoffs(deletedEachTime: 2, failuresFirst: 1);
        var deliveries = new RecordedCutoffs(deletedEachTime: 5);
        using var cleanup = Cleanup(runs, deliveries, "720h");

        await cleanup.StartAsync(CancellationToken.None);
        await runs.NextAsync();
        await deliveries.NextAsync();
        _time.Advance(TimeSpan.FromDays(1));
        await runs.NextAsync();
        await deliveries.NextAsync();
        await cleanup.StopAsync(CancellationToken.None);

        Assert.Contains(_logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Could not delete old run records", StringComparison.Ordinal));
        Assert.Contains(_logger.Lines, l => l.Message.StartsWith("Deleted the records of 2 runs", StringComparison.Ordinal));
        Assert.Equal(2, _logger.Lines.Count(l => l.Message.StartsWith("Deleted the records of 5 webhook deliveries", StringComparison.Ordinal)));
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    private RecordCleanup Cleanup(RecordedCutoffs runs, RecordedCutoffs deliveries, string retention) =>
        new(new RecordingRunHistory(runs), new RecordingDeliveryStore(deliveries),
            Options.Create(new ServerOptions { RunRetention = retention }), _time, _logger);
}
