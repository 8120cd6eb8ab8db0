using IaCBot.Core.RunLogs;

namespace IaCBot.Infrastructure.Tests.Storage;

public abstract partial class StoreContractTests
{
    private const string LogPath = "logs/github.com/acme/infra/7/20261128-090000-41/dir-app.default.log";

    [Fact]
    public async Task A_stored_run_log_reads_back_byte_for_byte_after_a_restart_and_a_later_save_replaces_it()
    {
        var saved = new DateTimeOffset(2026, 11, 28, 9, 5, 0, TimeSpan.Zero);
        byte[] content = [0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x7f, 0x80];
        await Store.RunLogs.SaveAsync(new StoredRunLog(LogPath, "41", saved, [1, 2, 3]), CancellationToken.None);
        await Store.RunLogs.SaveAsync(new StoredRunLog(LogPath, "41", saved, content), CancellationToken.None);

        await ReopenAsync();
        var found = await Store.RunLogs.GetAsync(LogPath, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal((LogPath, "41", saved), (found.Path, found.RunId, found.SavedAt));
        Assert.Equal(content, found.Gzip);
        Assert.Null(await Store.RunLogs.GetAsync(LogPath.Replace("/7/", "/8/", StringComparison.Ordinal), CancellationToken.None));
    }

    [Fact]
    public async Task Stored_run_logs_kept_before_the_cutoff_are_deleted_and_later_ones_stay()
    {
        var cutoff = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var old = new StoredRunLog("logs/github.com/acme/infra/1/20261001-000000-1/dir-app.default.log", "1", cutoff.AddDays(-10), [1]);
        var older = old with { Path = old.Path.Replace("dir-app", "workflow-hooks", StringComparison.Ordinal), SavedAt = cutoff.AddMilliseconds(-1) };
        var recent = new StoredRunLog(LogPath, "41", cutoff.AddSeconds(1), [2]);
        foreach (var log in new[] { old, older, recent })
        {
            await Store.RunLogs.SaveAsync(log, CancellationToken.None);
        }

        Assert.Equal(2, await Store.RunLogs.DeleteOlderThanAsync(cutoff, CancellationToken.None));

        Assert.Null(await Store.RunLogs.GetAsync(old.Path, CancellationToken.None));
        Assert.Null(await Store.RunLogs.GetAsync(older.Path, CancellationToken.None));
        Assert.NotNull(await Store.RunLogs.GetAsync(recent.Path, CancellationToken.None));
        Assert.Equal(0, await Store.RunLogs.DeleteOlderThanAsync(cutoff, CancellationToken.None));
    }
}
