namespace IaCBot.Core.ServerConfig;

/// <summary>The repo config keys a server entry can let repositories set, by listing them in <c>allowed_overrides</c>.</summary>
internal static class OverridableKeys
{
    public const string PlanRequirements = "plan_requirements";
    public const string ApplyRequirements = "apply_requirements";
    public const string ImportRequirements = "import_requirements";
    public const string Workflow = "workflow";
    public const string DeleteSourceBranchOnMerge = "delete_source_branch_on_merge";
    public const string RepoLocking = "repo_locking";
    public const string RepoLocks = "repo_locks";
    public const string PolicyCheck = "policy_check";
    public const string CustomPolicyCheck = "custom_policy_check";
    public const string SilencePrComments = "silence_pr_comments";

    public static IReadOnlyList<string> All { get; } =
    [
        PlanRequirements, ApplyRequirements, ImportRequirements, Workflow, DeleteSourceBranchOnMerge, RepoLocking, RepoLocks,
        PolicyCheck, CustomPolicyCheck, SilencePrComments,
    ];

    /// <summary>
    /// Project keys a repo config is refused for setting without the server's leave, as Atlantis refuses them.
    /// <c>policy_check</c> is not among them: Atlantis ignores it unless allowed, and so does IaCBot.
    /// </summary>
    public static IReadOnlyList<string> RefusedInProjects { get; } =
    [
        Workflow, PlanRequirements, ApplyRequirements, ImportRequirements, DeleteSourceBranchOnMerge, RepoLocking, RepoLocks,
        CustomPolicyCheck, SilencePrComments,
    ];
}
