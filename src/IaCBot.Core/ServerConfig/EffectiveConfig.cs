using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using RepoConfig = IaCBot.Core.RepoConfig.RepoConfig;

/// <summary>
/// A repository's settings once its config has passed the server's policy: the repo file's value where the server
/// lets it decide, else the server's, else Atlantis' default.
/// </summary>
public sealed record EffectiveConfig
{
    private EffectiveConfig(ServerRepoPolicy server, RepoConfig? repo)
    {
        Server = server;
        Repo = repo;
    }

    /// <summary>The server's merged settings this config was checked against.</summary>
    public ServerRepoPolicy Server { get; }

    /// <summary>The repo's own config; null when the repository has none.</summary>
    public RepoConfig? Repo { get; }

    public bool Automerge { get; private init; }

    public bool ParallelPlan { get; private init; }

    public bool ParallelApply { get; private init; }

    public bool AbortOnExecutionOrderFail { get; private init; }

    /// <summary>The repo file's <c>autodiscover</c> when it has one, else the server's.</summary>
    public AutoDiscoverConfig AutoDiscover { get; private init; } = AutoDiscoverConfig.Default;

    public IReadOnlyList<WorkflowHook> PreWorkflowHooks => Server.PreWorkflowHooks;

    public IReadOnlyList<WorkflowHook> PostWorkflowHooks => Server.PostWorkflowHooks;

    public bool DeleteSourceBranchOnMerge { get; private init; }

    public IReadOnlyList<string> SilencePrComments { get; private init; } = [];

    public RepoLocksMode RepoLocks { get; private init; }

    /// <summary>True when IaCBot should also look for projects the repo config does not list.</summary>
    public bool DiscoversProjects => AutoDiscover.Mode switch
    {
        AutoDiscoverMode.Enabled => true,
        AutoDiscoverMode.Disabled => false,
        _ => Repo is null || Repo.Projects.Count == 0,
    };

    internal static EffectiveConfig Create(ServerRepoPolicy server, RepoConfig? repo)
    {
        var keys = repo is null ? null : new RepoFileKeys(repo);
        bool IsSet(string key) => keys?.Top(key) is not null;
        bool Overrides(string key) => server.Allows(key) && IsSet(key);
        return new EffectiveConfig(server, repo)
        {
            Automerge = repo?.Automerge ?? false,
            ParallelPlan = repo?.ParallelPlan ?? false,
            ParallelApply = repo?.ParallelApply ?? false,
            AbortOnExecutionOrderFail = repo?.AbortOnExecutionOrderFail ?? false,
            AutoDiscover = IsSet("autodiscover") ? repo!.AutoDiscover : server.AutoDiscover,
            DeleteSourceBranchOnMerge = Overrides(OverridableKeys.DeleteSourceBranchOnMerge)
                ? repo!.DeleteSourceBranchOnMerge ?? server.DeleteSourceBranchOnMerge
                : server.DeleteSourceBranchOnMerge,
            SilencePrComments = Overrides(OverridableKeys.SilencePrComments) ? repo!.SilencePrComments : server.SilencePrComments,
            RepoLocks = Overrides(OverridableKeys.RepoLocks) ? repo!.RepoLocks ?? server.RepoLocks : server.RepoLocks,
        };
    }

    /// <summary>
    /// The settings of one project of <see cref="Repo"/>, or of a project found without config (null), which gets the
    /// server's settings alone as in Atlantis.
    /// </summary>
    public ProjectPolicy ForProject(ProjectConfig? project) => project is null || Repo is null
        ? ProjectPolicies.FromServer(Server)
        : ProjectPolicies.Merge(this, Repo, project);
}
