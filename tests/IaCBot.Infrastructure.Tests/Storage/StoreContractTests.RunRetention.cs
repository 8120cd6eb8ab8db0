using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary><c>server:run_retention</c>: runs that ended long enough ago go; the rest stay listed.</summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset Cutoff = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Runs_that_ended_before_the_cutoff_are_deleted_and_later_ones_are_kept()
    {
        await SaveRunsAsync(
            Ended("old", Cutoff.AddDays(-30), Cutoff.AddDays(-30).AddMinutes(5)),
            Ended("ended-after-the-cutoff", Cutoff.AddMinutes(-10), Cutoff.AddMinutes(10)),
            Ended("recent", Cutoff.AddDays(10), Cutoff.AddDays(10).AddMinutes(5)));

        var deleted = await Store.Runs.DeleteFinishedBeforeAsync(Cutoff, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await Store.Runs.GetAsync("old", CancellationToken.None));
        Assert.Equal(["recent", "ended-after-the-cutoff"], await ListedIdsAsync());
    }

    [Fact]
    public async Task A_run_still_in_progress_is_kept_however_old_it_is()
    {
        await SaveRunsAsync(RunAt("running", Cutoff.AddYears(-2), null, RunOutcome.Running));

        Assert.Equal(0, await Store.Runs.DeleteFinishedBeforeAsync(Cutoff, CancellationToken.None));
        Assert.Equal(["running"], await ListedIdsAsync());
    }

    [Fact]
    public async Task An_interrupted_run_without_an_end_time_counts_from_its_start()
    {
        await SaveRunsAsync(
            RunAt("interrupted-long-ago", Cutoff.AddDays(-1), null, RunOutcome.Interrupted),
            RunAt("interrupted-lately", Cutoff.AddDays(1), null, RunOutcome.Interrupted));

        Assert.Equal(1, await Store.Runs.DeleteFinishedBeforeAsync(Cutoff, CancellationToken.None));
        Assert.Equal(["interrupted-lately"], await ListedIdsAsync());
    }

    [Fact]
    public async Task Clean_ups_running_at_once_delete_each_old_run_once_and_fail_neither()
    {
        await SaveRunsAsync([.. Enumerable.Range(1, 20).Select(n => Ended($"old-{n}", Cutoff.AddDays(-n), Cutoff.AddDays(-n).AddMinutes(1)))]);
        await SaveRunsAsync(Ended("recent", Cutoff.AddDays(1), Cutoff.AddDays(1).AddMinutes(1)));

        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => Store.Runs.DeleteFinishedBeforeAsync(Cutoff, CancellationToken.None))));

        Assert.Equal(20, counts.Sum());
        Assert.Equal(["recent"], await ListedIdsAsync());
    }

    private static RunRecord Ended(string id, DateTimeOffset started, DateTimeOffset finished) =>
        RunAt(id, started, finished, RunOutcome.Succeeded);

    private static RunRecord RunAt(string id, DateTimeOffset started, DateTimeOffset? finished, RunOutcome outcome) =>
        new(id, new PullRequestRef(Repo, 1), JobKind.Plan, "iacbot plan", "alice", null, started, finished, outcome, [], null);

    private async Task SaveRunsAsync(params RunRecord[] runs)
    {
        foreach (var run in runs)
        {
            await Store.Runs.SaveAsync(run, CancellationToken.None);
        }
    }

    private async Task<IEnumerable<string>> ListedIdsAsync() =>
        (await Store.Runs.ListAsync(new RunQuery(), CancellationToken.None)).Select(r => r.Id);
}
