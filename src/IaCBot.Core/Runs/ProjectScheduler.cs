using IaCBot.Core.Projects;

namespace IaCBot.Core.Runs;

/// <summary>
/// Runs projects in their <c>execution_order_group</c>s, lowest first, each group finished before the next starts.
/// Within a group they run one by one, or side by side up to the pool size when the repo asks for parallel runs;
/// projects sharing a directory and workspace never run at once, since terraform keeps its state there.
/// </summary>
public sealed class ProjectScheduler(int poolSize)
{
    /// <param name="abortOnFailure">When a group has a failure, the later groups do not run (<c>abort_on_execution_order_fail</c>).</param>
    /// <param name="skipped">The result of a project that did not run because an earlier group failed.</param>
    public Task<IReadOnlyList<ProjectResult>> RunAsync<T>(
        IReadOnlyList<T> items,
        Func<T, Project> projectOf,
        bool parallel,
        bool abortOnFailure,
        Func<T, Task<ProjectResult>> run,
        Func<T, ProjectResult> skipped) =>
        RunAsync(items, projectOf, item => GroupOf(projectOf(item)), parallel, abortOnFailure, run, skipped);

    /// <param name="orderOf">The order key of an item: items with equal keys form a group.</param>
    public async Task<IReadOnlyList<ProjectResult>> RunAsync<T>(
        IReadOnlyList<T> items,
        Func<T, Project> projectOf,
        Func<T, long> orderOf,
        bool parallel,
        bool abortOnFailure,
        Func<T, Task<ProjectResult>> run,
        Func<T, ProjectResult> skipped)
    {
        var results = new ProjectResult[items.Count];
        var failed = false;
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => orderOf(items[i])).OrderBy(g => g.Key))
        {
            if (failed && abortOnFailure)
            {
                foreach (var i in group)
                {
                    results[i] = skipped(items[i]);
                }

                continue;
            }

            await RunGroupAsync(group.ToList(), items, projectOf, parallel, run, results);
            failed |= group.Any(i => !results[i].IsSuccess);
        }

        return results;
    }

    private async Task RunGroupAsync<T>(
        List<int> group, IReadOnlyList<T> items, Func<T, Project> projectOf, bool parallel, Func<T, Task<ProjectResult>> run, ProjectResult[] results)
    {
        if (!parallel)
        {
            foreach (var i in group)
            {
                results[i] = await run(items[i]);
            }

            return;
        }

        // Projects on one directory and workspace form a lane that runs in order; lanes may run side by side.
        var lanes = group.GroupBy(i => projectOf(items[i]).Key).Select(lane => lane.ToList()).ToList();
        using var pool = new SemaphoreSlim(Math.Max(1, poolSize));
        await Task.WhenAll(lanes.Select(async lane =>
        {
            await pool.WaitAsync();
            try
            {
                foreach (var i in lane)
                {
                    results[i] = await run(items[i]);
                }
            }
            finally
            {
                pool.Release();
            }
        }));
    }

    public static int GroupOf(Project project) => project.Config?.ExecutionOrderGroup ?? 0;
}
