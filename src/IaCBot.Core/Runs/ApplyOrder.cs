using IaCBot.Core.Storage;

namespace IaCBot.Core.Runs;

/// <summary>
/// The order plans are applied in: by <c>execution_order_group</c>, and within a group every project after the
/// projects it <c>depends_on</c>, so that a dependency is applied first even when applies run side by side.
/// </summary>
public static class ApplyOrder
{
    public static Func<PlanRecord, long> For(IReadOnlyList<PlanRecord> plans)
    {
        var byName = plans.Where(p => p.Project.Name is not null).ToDictionary(p => p.Project.Name!, StringComparer.Ordinal);
        var depths = new Dictionary<PlanRecord, int>();
        return plan => ProjectScheduler.GroupOf(plan.Project) * 10_000L + Depth(plan, byName, depths, []);
    }

    private static int Depth(PlanRecord plan, Dictionary<string, PlanRecord> byName, Dictionary<PlanRecord, int> depths, HashSet<PlanRecord> visiting)
    {
        if (depths.TryGetValue(plan, out var known))
        {
            return known;
        }

        // A cycle (which the config check should have refused) is cut rather than followed for ever.
        if (!visiting.Add(plan))
        {
            return 0;
        }

        var depth = (plan.Project.Config?.DependsOn ?? [])
            .Where(byName.ContainsKey)
            .Select(name => Depth(byName[name], byName, depths, visiting) + 1)
            .DefaultIfEmpty(0)
            .Max();
        visiting.Remove(plan);
        return depths[plan] = depth;
    }
}
