namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>
/// The keys Atlantis accepts in a repo-level config, per place. Keys Atlantis knows but IaCBot does not act on
/// (<c>policies</c>, <c>emoji_reaction</c>, ...) are accepted so that an Atlantis config keeps working unchanged.
/// </summary>
internal static class ConfigKeys
{
    public static IReadOnlyList<string> TopLevel { get; } =
    [
        "version", "projects", "workflows", "automerge", "autodiscover", "delete_source_branch_on_merge",
        "parallel_plan", "parallel_apply", "abort_on_execution_order_fail", "repo_locks", "silence_pr_comments",
        "allowed_regexp_prefixes", "emoji_reaction", "policies",
    ];

    public static IReadOnlyList<string> Project { get; } =
    [
        "name", "dir", "workspace", "branch", "terraform_version", "terraform_distribution", "autoplan",
        "plan_requirements", "apply_requirements", "import_requirements", "workflow", "execution_order_group",
        "destroy_execution_order_group", "depends_on", "delete_source_branch_on_merge", "repo_locks", "repo_locking",
        "silence_pr_comments", "policy_check", "custom_policy_check",
    ];

    public static IReadOnlyList<string> Autoplan { get; } = ["enabled", "when_modified"];

    public static IReadOnlyList<string> AutoDiscover { get; } = ["mode", "ignore_paths"];

    public static IReadOnlyList<string> RepoLocks { get; } = ["mode"];

    public static IReadOnlyList<string> Workflow { get; } = ["plan", "apply", "import", "state_rm", "policy_check"];

    public static IReadOnlyList<string> Stage { get; } = ["steps"];

    public static IReadOnlyList<string> BuiltInStep { get; } = ["extra_args"];

    public static IReadOnlyList<string> RunStep { get; } = ["command", "shell", "shellArgs", "output"];

    public static IReadOnlyList<string> EnvStep { get; } = ["name", "value", "command", "shell", "shellArgs"];

    public static IReadOnlyList<string> MultiEnvStep { get; } = ["command", "shell", "shellArgs", "output"];

    /// <summary>Keys of other places that people put at the top level, with where they belong.</summary>
    public static IReadOnlyDictionary<string, string> MisplacedAtTopLevel { get; } = new Dictionary<string, string>
    {
        ["dir"] = "it belongs to a project, in a `- dir: ...` item under `projects:`",
        ["workspace"] = "it belongs to a project, under `projects:`",
        ["name"] = "it belongs to a project, under `projects:`",
        ["workflow"] = "it belongs to a project, under `projects:` (custom workflows are defined under `workflows:`)",
        ["autoplan"] = "it belongs to a project, under `projects:`",
        ["apply_requirements"] = "it belongs to a project, under `projects:`",
        ["terraform_version"] = "it belongs to a project, under `projects:`",
    };

    /// <summary>Keys of other places that people put in a project, with where they belong.</summary>
    public static IReadOnlyDictionary<string, string> MisplacedInProject { get; } = new Dictionary<string, string>
    {
        ["when_modified"] = "it belongs under the project's `autoplan:`",
        ["enabled"] = "it belongs under the project's `autoplan:`",
        ["automerge"] = "it is a top-level key, not a project key",
        ["parallel_plan"] = "it is a top-level key, not a project key",
        ["parallel_apply"] = "it is a top-level key, not a project key",
        ["workflows"] = "workflows are defined at the top level; a project picks one with `workflow:`",
    };
}
