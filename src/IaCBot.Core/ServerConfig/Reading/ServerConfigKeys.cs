namespace IaCBot.Core.ServerConfig.Reading;

/// <summary>The keys Atlantis accepts in a server-side repo config, per place.</summary>
internal static class ServerConfigKeys
{
    public static IReadOnlyList<string> TopLevel { get; } = ["repos", "workflows", "policies", "metrics", "team_authz"];

    public static IReadOnlyList<string> Repo { get; } =
    [
        "id", "branch", "repo_config_file", "plan_requirements", "apply_requirements", "import_requirements", "workflow",
        "allowed_overrides", "allowed_workflows", "allow_custom_workflows", "pre_workflow_hooks", "post_workflow_hooks",
        "autodiscover", "delete_source_branch_on_merge", "repo_locking", "repo_locks", "policy_check", "custom_policy_check",
        "silence_pr_comments",
    ];

    public static IReadOnlyList<string> Hook { get; } = ["run", "description", "shell", "shellArgs", "commands"];

    /// <summary>Keys of other places that people put at the top level, with where they belong.</summary>
    public static IReadOnlyDictionary<string, string> MisplacedAtTopLevel { get; } = new Dictionary<string, string>
    {
        ["id"] = "it belongs to an entry under `repos:`, as in `- id: /.*/`",
        ["allowed_overrides"] = "it belongs to an entry under `repos:`",
        ["apply_requirements"] = "it belongs to an entry under `repos:`",
        ["allow_custom_workflows"] = "it belongs to an entry under `repos:`",
        ["version"] = "this looks like a repo's own atlantis.yaml; a server config has `repos:` and `workflows:`",
        ["projects"] = "projects are listed in each repo's own atlantis.yaml, not in the server config",
    };

    /// <summary>Keys of a repo's own config that people put in a server entry, with where they belong.</summary>
    public static IReadOnlyDictionary<string, string> MisplacedInRepo { get; } = new Dictionary<string, string>
    {
        ["workflows"] = "workflows are defined at the top level of the server config; an entry picks one with `workflow:`",
        ["projects"] = "projects are listed in the repo's own atlantis.yaml",
        ["dir"] = "a server entry covers whole repositories; directories are projects in the repo's own atlantis.yaml",
        ["automerge"] = "it is set in the repo's own atlantis.yaml",
        ["parallel_plan"] = "it is set in the repo's own atlantis.yaml",
        ["parallel_apply"] = "it is set in the repo's own atlantis.yaml",
    };
}
