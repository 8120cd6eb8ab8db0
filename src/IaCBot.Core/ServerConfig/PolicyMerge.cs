using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

/// <summary>Folds matching entries into one policy: for each key, the last entry that sets it wins.</summary>
internal static class PolicyMerge
{
    /// <param name="matching">The built-in entry first (it sets every key), then the matching entries in file order.</param>
    public static ServerRepoPolicy Merge(IReadOnlyList<RepoEntry> matching, IReadOnlyDictionary<string, Workflow> workflows)
    {
        // Atlantis keeps the older repo_locking: false as an off switch over whatever repo_locks says.
        var locking = Last(matching, e => e.RepoLocking);
        return new ServerRepoPolicy
        {
            RepoConfigFile = matching.Select(e => e.RepoConfigFile).LastOrDefault(f => f is not null),
            PlanRequirements = Last(matching, e => e.PlanRequirements),
            ApplyRequirements = Last(matching, e => e.ApplyRequirements),
            ImportRequirements = Last(matching, e => e.ImportRequirements),
            Workflow = Last(matching, e => e.Workflow),
            AllowedOverrides = Last(matching, e => e.AllowedOverrides),
            AllowedWorkflows = Last(matching, e => e.AllowedWorkflows),
            AllowCustomWorkflows = Last(matching, e => e.AllowCustomWorkflows),
            PreWorkflowHooks = [.. matching.SelectMany(e => e.PreWorkflowHooks)],
            PostWorkflowHooks = [.. matching.SelectMany(e => e.PostWorkflowHooks)],
            AutoDiscover = Last(matching, e => e.AutoDiscover),
            DeleteSourceBranchOnMerge = Last(matching, e => e.DeleteSourceBranchOnMerge),
            RepoLocks = locking ? Last(matching, e => e.RepoLocks) : RepoLocksMode.Disabled,
            SilencePrComments = Last(matching, e => e.SilencePrComments),
            PolicyCheck = Last(matching, e => e.PolicyCheck),
            CustomPolicyCheck = Last(matching, e => e.CustomPolicyCheck),
            Workflows = workflows,
        };
    }

    private static T Last<T>(IReadOnlyList<RepoEntry> matching, Func<RepoEntry, T?> setting)
        where T : class => matching.Select(setting).Last(v => v is not null)!;

    private static T Last<T>(IReadOnlyList<RepoEntry> matching, Func<RepoEntry, T?> setting)
        where T : struct => matching.Select(setting).Last(v => v.HasValue)!.Value;
}
