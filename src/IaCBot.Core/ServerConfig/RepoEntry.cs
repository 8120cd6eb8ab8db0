using System.Text.RegularExpressions;
using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

/// <summary>
/// One entry of <c>repos</c> as read. A null setting was left out: an earlier matching entry (or the built-in
/// default entry) decides it.
/// </summary>
internal sealed record RepoEntry
{
    /// <summary>The <c>id</c> as written, for messages.</summary>
    public required string Id { get; init; }

    /// <summary>Set for a <c>/regex/</c> id; null for an exact id.</summary>
    public Regex? IdPattern { get; init; }

    public Regex? Branch { get; init; }

    public string? RepoConfigFile { get; init; }

    public IReadOnlyList<string>? PlanRequirements { get; init; }

    public IReadOnlyList<string>? ApplyRequirements { get; init; }

    public IReadOnlyList<string>? ImportRequirements { get; init; }

    public Workflow? Workflow { get; init; }

    public IReadOnlyList<string>? AllowedOverrides { get; init; }

    public IReadOnlyList<string>? AllowedWorkflows { get; init; }

    public bool? AllowCustomWorkflows { get; init; }

    public IReadOnlyList<WorkflowHook> PreWorkflowHooks { get; init; } = [];

    public IReadOnlyList<WorkflowHook> PostWorkflowHooks { get; init; } = [];

    public AutoDiscoverConfig? AutoDiscover { get; init; }

    public bool? DeleteSourceBranchOnMerge { get; init; }

    /// <summary>The older <c>repo_locking: false</c>, which turns locks off whatever <c>repo_locks</c> says.</summary>
    public bool? RepoLocking { get; init; }

    public RepoLocksMode? RepoLocks { get; init; }

    public bool? PolicyCheck { get; init; }

    public bool? CustomPolicyCheck { get; init; }

    public IReadOnlyList<string>? SilencePrComments { get; init; }

    /// <summary>
    /// As Atlantis (Go's <c>MatchString</c>): an exact id must equal <c>host/owner/name</c>; a regex id may match
    /// anywhere in it, so <c>/acme/</c> matches <c>github.com/acme/infra</c> and <c>^...$</c> pins the whole id.
    /// </summary>
    public bool MatchesId(string repoId) => IdPattern?.IsMatch(repoId) ?? string.Equals(Id, repoId, StringComparison.Ordinal);

    public bool MatchesBranch(string baseBranch) => Branch?.IsMatch(baseBranch) ?? true;

    /// <summary>Atlantis' built-in first entry, which every repository matches; the server's <c>default</c> workflow stands in for the built-in one.</summary>
    public static RepoEntry Defaults(Workflow defaultWorkflow) => new()
    {
        Id = "/.*/",
        IdPattern = MatchAll,
        PlanRequirements = [],
        ApplyRequirements = [],
        ImportRequirements = [],
        Workflow = defaultWorkflow,
        AllowedOverrides = [],
        AllowedWorkflows = [],
        AllowCustomWorkflows = false,
        AutoDiscover = AutoDiscoverConfig.Default,
        DeleteSourceBranchOnMerge = false,
        RepoLocking = true,
        RepoLocks = RepoLocksMode.OnPlan,
        PolicyCheck = false,
        CustomPolicyCheck = false,
        SilencePrComments = [],
    };

    private static readonly Regex MatchAll = new(".*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
}
