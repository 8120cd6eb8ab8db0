using IaCBot.Server.Configuration;
using IaCBot.Server.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Server.Tests.Runs;

/// <summary><c>server:run_retention</c>: when the run records are cleaned up and how far back the cut goes.</summary>
public sealed class RunHistoryCleanupTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLogger<RunHistoryCleanup> _logger = new();

    [Fact]
    public async Task Runs_older_than_the_setting_are_deleted_at_start_up_and_again_each_day()
    {
        var history = new RecordingRunHistory(deletedEachTime: 3);
        using var cleanup = Cleanup(history, "10d");

        await cleanup.StartAsync(CancellationToken.None);
        var atStart = await history.NextCutoffAsync();
        _time.Advance(TimeSpan.FromDays(1));
        var nextDay = await history.NextCutoffAsync();
        await cleanup.StopAsync(CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero), atStart);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero), nextDay);
        Assert.Contains(_logger.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith("Deleted the records of 3 runs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task By_default_runs_are_kept_ninety_days_and_nothing_is_logged_when_none_was_deleted()
    {
        var history = new RecordingRunHistory(deletedEachTime: 0);
        using var cleanup = Cleanup(history, new ServerOptions().RunRetention);

        await cleanup.StartAsync(CancellationToken.None);
        var cutoff = await history.NextCutoffAsync();
        await cleanup.StopAsync(CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().AddDays(-90), cutoff);
        Assert.Empty(_logger.Lines);
    }

    [Fact]
    public async Task A_store_that_fails_is_logged_and_tried_again_the_next_day()
    {
        var history = new RecordingRunHistory(deletedEachTime: 2, failuresFirst: 1);
        using var cleanup = Cleanup(history, "720h");

        await cleanup.StartAsync(CancellationToken.None);
        await history.NextCutoffAsync();
        _time.Advance(TimeSpan.FromDays(1));
        await history.NextCutoffAsync();
        await cleanup.StopAsync(CancellationToken.None);

        Assert.Contains(_logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Could not delete old run records", StringComparison.Ordinal));
        Assert.Contains(_logger.Lines, l => l.Message.StartsWith("Deleted the records of 2 runs", StringComparison.Ordinal));
    }

    private RunHistoryCleanup Cleanup(RecordingRunHistory history, string retention) =>
        new(history, Options.Create(new ServerOptions { RunRetention = retention }), _time, _logger);
}
