using IaCBot.Core.Commands;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Runs;

namespace IaCBot.Core.Tests.Runs;

public sealed class ProjectSchedulerTests
{
    [Fact]
    public async Task Groups_run_lowest_first_and_each_finishes_before_the_next_starts()
    {
        var order = new List<string>();
        var projects = new[] { Project("late", 2), Project("early", 1), Project("middle", 1) };

        await new ProjectScheduler(4).RunAsync(projects, p => p, parallel: true, abortOnFailure: false,
            p => { lock (order) { order.Add(p.Dir); } return Task.FromResult(Succeeded(p)); },
            Skipped);

        Assert.Equal("late", order[^1]);
    }

    [Fact]
    public async Task Results_keep_the_order_the_projects_were_given_in()
    {
        var projects = new[] { Project("b", 2), Project("a", 1) };

        var results = await new ProjectScheduler(1).RunAsync(projects, p => p, parallel: false, abortOnFailure: false,
            p => Task.FromResult(Succeeded(p)), Skipped);

        Assert.Equal(["b", "a"], results.Select(r => r.Project.Dir));
    }

    [Fact]
    public async Task A_failure_stops_later_groups_when_the_repo_asks_for_it()
    {
        var projects = new[] { Project("first", 1), Project("second", 2) };

        var results = await new ProjectScheduler(1).RunAsync(projects, p => p, parallel: false, abortOnFailure: true,
            p => Task.FromResult(p.Dir == "first" ? Failed(p) : Succeeded(p)), Skipped);

        Assert.Equal(ProjectOutcome.Refused, results[1].Outcome);
    }

    [Fact]
    public async Task Without_abort_a_failure_does_not_stop_later_groups()
    {
        var projects = new[] { Project("first", 1), Project("second", 2) };

        var results = await new ProjectScheduler(1).RunAsync(projects, p => p, parallel: false, abortOnFailure: false,
            p => Task.FromResult(p.Dir == "first" ? Failed(p) : Succeeded(p)), Skipped);

        Assert.Equal(ProjectOutcome.PlannedChanges, results[1].Outcome);
    }

    [Fact]
    public async Task In_parallel_at_most_the_pool_size_run_at_once_and_one_directory_never_twice()
    {
        var projects = Enumerable.Range(0, 6).Select(i => Project($"dir{i}", 0))
            .Append(Project("dir0", 0, name: "second-on-dir0"))
            .ToArray();
        var running = 0;
        var most = 0;
        var runningDirs = new HashSet<string>();
        var clash = false;

        await new ProjectScheduler(3).RunAsync(projects, p => p, parallel: true, abortOnFailure: false, async p =>
        {
            lock (runningDirs)
            {
                clash |= !runningDirs.Add(p.Dir);
                most = Math.Max(most, ++running);
            }

            await Task.Yield();
            await Task.Delay(20);
            lock (runningDirs)
            {
                runningDirs.Remove(p.Dir);
                running--;
            }

            return Succeeded(p);
        }, Skipped);

        Assert.InRange(most, 1, 3);
        Assert.False(clash, "two projects of one directory and workspace ran at once");
    }

    private static Project Project(string dir, int group, string? name = null) =>
        new(new ProjectKey(dir, "default"), name, [])
        {
            Config = new ProjectConfig { Dir = dir, Name = name, ExecutionOrderGroup = group },
        };

    private static ProjectResult Succeeded(Project p) => new(p, CommandKind.Plan, ProjectOutcome.PlannedChanges, "");

    private static ProjectResult Failed(Project p) => new(p, CommandKind.Plan, ProjectOutcome.Failed, "");

    private static ProjectResult Skipped(Project p) => new(p, CommandKind.Plan, ProjectOutcome.Refused, "");
}
