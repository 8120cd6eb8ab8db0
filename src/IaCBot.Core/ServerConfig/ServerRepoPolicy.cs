using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using RepoConfig = IaCBot.Core.RepoConfig.RepoConfig;

/// <summary>
/// The server's settings for one repository and base branch: Atlantis' defaults, then every matching <c>repos</c>
/// entry in file order, a later entry winning for each key it sets.
/// </summary>
public sealed record ServerRepoPolicy
{
    /// <summary>The repo config file to read, relative to the repo root; null means <c>iacbot.yaml</c>, else <c>atlantis.yaml</c>.</summary>
    public string? RepoConfigFile { get; internal init; }

    public IReadOnlyList<string> PlanRequirements { get; internal init; } = [];

    public IReadOnlyList<string> ApplyRequirements { get; internal init; } = [];

    public IReadOnlyList<string> ImportRequirements { get; internal init; } = [];

    /// <summary>The workflow of projects that do not pick one.</summary>
    public Workflow Workflow { get; internal init; } = Workflow.Default;

    /// <summary>The repo config keys this repository may set (<c>allowed_overrides</c>).</summary>
    public IReadOnlyList<string> AllowedOverrides { get; internal init; } = [];

    /// <summary>The workflows a project may pick; empty means any that exists.</summary>
    public IReadOnlyList<string> AllowedWorkflows { get; internal init; } = [];

    public bool AllowCustomWorkflows { get; internal init; }

    /// <summary>The hooks of every matching entry, in file order (Atlantis runs them all, not only the last entry's).</summary>
    public IReadOnlyList<WorkflowHook> PreWorkflowHooks { get; internal init; } = [];

    /// <inheritdoc cref="PreWorkflowHooks"/>
    public IReadOnlyList<WorkflowHook> PostWorkflowHooks { get; internal init; } = [];

    public AutoDiscoverConfig AutoDiscover { get; internal init; } = AutoDiscoverConfig.Default;

    public bool DeleteSourceBranchOnMerge { get; internal init; }

    /// <summary>From <c>repo_locks.mode</c>; <see cref="RepoLocksMode.Disabled"/> when a matching entry says <c>repo_locking: false</c>.</summary>
    public RepoLocksMode RepoLocks { get; internal init; } = RepoLocksMode.OnPlan;

    public IReadOnlyList<string> SilencePrComments { get; internal init; } = [];

    public bool PolicyCheck { get; internal init; }

    public bool CustomPolicyCheck { get; internal init; }

    /// <summary>
    /// False when the last entry whose id matches has a <c>branch</c> the base branch does not match: Atlantis then
    /// leaves the pull request alone.
    /// </summary>
    public bool AcceptsBaseBranch { get; internal init; } = true;

    /// <summary>The server's workflows by name, always with a <c>default</c> (the server's own, else the built-in one).</summary>
    public IReadOnlyDictionary<string, Workflow> Workflows { get; internal init; } = ServerConfig.Default.Workflows;

    /// <summary>What the repo config parser must know: projects may name the server's workflows.</summary>
    public RepoConfigParseOptions RepoParseOptions => new([.. Workflows.Keys]);

    public bool Allows(string overridableKey) => AllowedOverrides.Contains(overridableKey, StringComparer.Ordinal);

    /// <summary>Reads the repo config this policy names (<see cref="RepoConfigFile"/>) from a checkout.</summary>
    public RepoConfigLoadResult LoadRepoConfig(string repoRoot) => RepoConfigFile is null
        ? RepoConfigLoader.Load(repoRoot, RepoParseOptions)
        : NamedRepoConfig.Load(repoRoot, RepoConfigFile, RepoParseOptions);

    /// <summary>
    /// Checks a repo config (null when the repository has none) against this policy, as Atlantis does before it
    /// plans, and merges the two into the settings to run with.
    /// </summary>
    public PolicyResult Apply(RepoConfig? repoConfig, string repoConfigFileName)
    {
        ArgumentNullException.ThrowIfNull(repoConfigFileName);
        if (repoConfig is null)
        {
            return new PolicyResult.Allowed(EffectiveConfig.Create(this, null));
        }

        var errors = PolicyChecks.Check(this, repoConfig, repoConfigFileName);
        return errors.Count > 0 ? new PolicyResult.Refused(errors) : new PolicyResult.Allowed(EffectiveConfig.Create(this, repoConfig));
    }
}
