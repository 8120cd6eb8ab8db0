using IaCBot.Core.RunHistory;
using IaCBot.Core.RunLogs;
using IaCBot.Server.Configuration;
using IaCBot.Server.Runs;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Server.Tests.Runs;

/// <summary>A run's log lives on the disk and, once the run has ended, in the store for other replicas: retention empties both.</summary>
public sealed class RunLogCleanupTests : ServerTest
{
    [Fact]
    public async Task A_run_s_log_outlives_its_file_through_the_store_until_log_retention_deletes_it_there_too()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        var run = await EndedRunAsync();
        var logPath = Assert.Single(run.Projects).LogPath!;
        File.Delete(Path.Combine(DataDir, logPath));

        Assert.Contains("1 to add, 0 to change, 0 to destroy", await App.Client.GetStringAsync($"/runs/{run.Id}"), StringComparison.Ordinal);

        await CleanUpAsync(daysLater: 31);

        Assert.Null(await App.Services.GetRequiredService<IRunLogStore>().GetAsync(logPath, CancellationToken.None));
        Assert.Contains("the log is gone", await App.Client.GetStringAsync($"/runs/{run.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_log_younger_than_log_retention_stays()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("app") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        var logPath = Assert.Single((await EndedRunAsync()).Projects).LogPath!;

        await CleanUpAsync(daysLater: 29);

        Assert.NotNull(await App.Services.GetRequiredService<IRunLogStore>().GetAsync(logPath, CancellationToken.None));
    }

    /// <summary>One pass of the daily clean-up (default retention: 30 days), as it would run <paramref name="daysLater"/> days from now.</summary>
    private async Task CleanUpAsync(int daysLater)
    {
        var services = App.Services;
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(daysLater));
        using var cleanup = new RunLogCleanup(
            services.GetRequiredService<RunLogSettings>(), services.GetRequiredService<IRunLogStore>(),
            services.GetRequiredService<IOptions<ServerOptions>>(), later, NullLogger<RunLogCleanup>.Instance);
        await cleanup.CleanUpOnceAsync(CancellationToken.None);
    }

    private async Task<RunRecord> EndedRunAsync()
    {
        var history = App.Services.GetRequiredService<IRunHistory>();
        for (var tries = 0; ; tries++)
        {
            if ((await history.ListAsync(new RunQuery(), CancellationToken.None)).FirstOrDefault(r => r.Outcome != RunOutcome.Running) is { } run)
            {
                return run;
            }

            Assert.True(tries < 600, "the run never ended");
            await Task.Delay(100);
        }
    }
}
