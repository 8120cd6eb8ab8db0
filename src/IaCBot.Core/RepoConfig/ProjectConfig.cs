using System.Text.RegularExpressions;
using IaCBot.Core.Projects;

namespace IaCBot.Core.RepoConfig;

/// <summary>One entry of <c>projects</c>, validated, with Atlantis' defaults applied.</summary>
public sealed record ProjectConfig
{
    /// <summary>The <c>name</c>, used with <c>-p</c>; required when two projects share a directory and workspace.</summary>
    public string? Name { get; init; }

    /// <summary>Relative to the repo root, <c>/</c>-separated, <c>.</c> for the root.</summary>
    public required string Dir { get; init; }

    public string Workspace { get; init; } = ProjectKey.DefaultWorkspace;

    /// <summary>The <c>branch</c> regex (without its slashes): the project only counts for pull requests into a matching base branch.</summary>
    public Regex? Branch { get; init; }

    public string? TerraformVersion { get; init; }

    public TerraformDistribution? TerraformDistribution { get; init; }

    public AutoplanConfig Autoplan { get; init; } = AutoplanConfig.Default;

    public IReadOnlyList<string> PlanRequirements { get; init; } = [];

    public IReadOnlyList<string> ApplyRequirements { get; init; } = [];

    public IReadOnlyList<string> ImportRequirements { get; init; } = [];

    /// <summary>The name of the workflow to run; null means the default workflow.</summary>
    public string? Workflow { get; init; }

    public int ExecutionOrderGroup { get; init; }

    public int? DestroyExecutionOrderGroup { get; init; }

    /// <summary>Names of projects that must be applied before this one.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Null when not set here: the repo-level or server setting applies.</summary>
    public bool? DeleteSourceBranchOnMerge { get; init; }

    /// <summary>From <c>repo_locks.mode</c> (or the older <c>repo_locking</c>); null when not set here.</summary>
    public RepoLocksMode? RepoLocks { get; init; }

    public bool? PolicyCheck { get; init; }

    public bool? CustomPolicyCheck { get; init; }

    /// <summary>Stages (<c>plan</c>, <c>apply</c>) whose pull request comments are left out; commit statuses still appear.</summary>
    public IReadOnlyList<string> SilencePrComments { get; init; } = [];

    public ProjectKey Key => new(Dir, Workspace);
}
