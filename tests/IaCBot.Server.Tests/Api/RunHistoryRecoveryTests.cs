using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Api;

public sealed class RunHistoryRecoveryTests : ServerTest
{
    [Fact]
    public async Task A_run_an_earlier_process_left_running_shows_as_interrupted_after_a_restart()
    {
        var pull = new PullRequestRef(new RepoId("github.com", Owner, RepoName), 1);
        var left = new RunRecord("77", pull, JobKind.Apply, "iacbot apply", Author, "abc1234", TimeProvider.System.GetUtcNow().AddMinutes(-5), null, RunOutcome.Running, [], null);
        await App.Services.GetRequiredService<IRunHistory>().SaveAsync(left, CancellationToken.None);

        await App.RestartAsync();

        var run = await App.Services.GetRequiredService<IRunHistory>().GetAsync("77", CancellationToken.None);
        Assert.Equal(RunOutcome.Interrupted, run!.Outcome);
    }
}
