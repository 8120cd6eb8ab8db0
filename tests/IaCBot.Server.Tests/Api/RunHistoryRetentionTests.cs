using System.Diagnostics;
using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Api;

/// <summary><c>server:run_retention</c> in the running server: old runs drop out of the API once the clean-up ran.</summary>
public sealed class RunHistoryRetentionTests : ServerTest
{
    private const string Secret = "an-admin-secret-of-some-length";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["api:secret"] = Secret,
        ["server:run_retention"] = "7d",
    };

    private AdminApiClient Api => new(App.Client, Secret);

    [Fact]
    public async Task Runs_that_ended_before_the_retention_are_gone_from_the_api_after_a_start_and_recent_ones_stay()
    {
        var now = TimeProvider.System.GetUtcNow();
        var history = App.Services.GetRequiredService<IRunHistory>();
        await history.SaveAsync(Ended("old", now.AddDays(-8)), CancellationToken.None);
        await history.SaveAsync(Ended("recent", now.AddDays(-6)), CancellationToken.None);

        await App.RestartAsync();

        Assert.True(await EventuallyAsync(async () => !(await ListedIdsAsync()).Contains("old")), "the old run is still listed");
        Assert.Equal(["recent"], await ListedIdsAsync());
    }

    private static RunRecord Ended(string id, DateTimeOffset finished) =>
        new(id, new PullRequestRef(new RepoId("github.com", Owner, RepoName), 1), JobKind.Plan, "iacbot plan", Author, "abc1234",
            finished.AddMinutes(-2), finished, RunOutcome.Succeeded, [], "Ran plan");

    private async Task<List<string>> ListedIdsAsync() =>
        [.. (await Api.GetJsonAsync("/api/runs")).AsArray().Select(r => r!["id"]!.GetValue<string>())];

    /// <summary>Waits for the background clean-up with a deadline (not a timing claim).</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
