using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using RepoConfig = IaCBot.Core.RepoConfig.RepoConfig;

/// <summary>Atlantis' merge of one project's keys over the server's settings (its <c>MergeProjectCfg</c>).</summary>
internal static class ProjectPolicies
{
    public static ProjectPolicy FromServer(ServerRepoPolicy server) => new(
        server.PlanRequirements,
        server.ApplyRequirements,
        server.ImportRequirements,
        server.Workflow,
        server.RepoLocks,
        server.DeleteSourceBranchOnMerge,
        server.SilencePrComments,
        server.PolicyCheck)
    {
        CustomPolicyCheck = server.CustomPolicyCheck,
    };

    /// <summary>A project key counts only when the server allows it; the repo file's top-level keys come in between.</summary>
    public static ProjectPolicy Merge(EffectiveConfig repoLevel, RepoConfig repo, ProjectConfig project)
    {
        var server = repoLevel.Server;
        var keys = new RepoFileKeys(repo);
        bool Overrides(string key) => server.Allows(key) && keys.Project(project, key) is not null;
        return new ProjectPolicy(
            Overrides(OverridableKeys.PlanRequirements) ? project.PlanRequirements : server.PlanRequirements,
            Overrides(OverridableKeys.ApplyRequirements) ? project.ApplyRequirements : server.ApplyRequirements,
            Overrides(OverridableKeys.ImportRequirements) ? project.ImportRequirements : server.ImportRequirements,
            Overrides(OverridableKeys.Workflow) ? Workflow(server, repo, project.Workflow!) : server.Workflow,
            RepoLocks(repoLevel, keys, project),
            Overrides(OverridableKeys.DeleteSourceBranchOnMerge) ? project.DeleteSourceBranchOnMerge!.Value : repoLevel.DeleteSourceBranchOnMerge,
            Overrides(OverridableKeys.SilencePrComments) ? project.SilencePrComments : repoLevel.SilencePrComments,
            Overrides(OverridableKeys.PolicyCheck) ? project.PolicyCheck!.Value : server.PolicyCheck)
        {
            CustomPolicyCheck = Overrides(OverridableKeys.CustomPolicyCheck) ? project.CustomPolicyCheck!.Value : server.CustomPolicyCheck,
        };
    }

    // The server's workflow of that name, replaced by the repo's own when the server lets it define workflows.
    private static Workflow Workflow(ServerRepoPolicy server, RepoConfig repo, string name)
    {
        if (server.AllowCustomWorkflows && repo.Workflows.TryGetValue(name, out var own))
        {
            return own;
        }

        return server.Workflows.TryGetValue(name, out var shared) ? shared : server.Workflow;
    }

    // repo_locking (older, on or off) first, then repo_locks (a mode) from the file's top level and the project.
    private static RepoLocksMode RepoLocks(EffectiveConfig repoLevel, RepoFileKeys keys, ProjectConfig project)
    {
        var server = repoLevel.Server;
        var mode = server.RepoLocks;
        if (server.Allows(OverridableKeys.RepoLocking) && keys.RepoLocking(project) is { } locking)
        {
            mode = !locking ? RepoLocksMode.Disabled : mode == RepoLocksMode.Disabled ? RepoLocksMode.OnPlan : mode;
        }

        if (server.Allows(OverridableKeys.RepoLocks))
        {
            mode = repoLevel.Repo?.RepoLocks ?? mode;
            mode = keys.Project(project, OverridableKeys.RepoLocks) is not null ? project.RepoLocks ?? mode : mode;
        }

        return mode;
    }
}
