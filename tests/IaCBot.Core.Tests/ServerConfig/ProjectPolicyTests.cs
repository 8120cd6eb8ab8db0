using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;

namespace IaCBot.Core.Tests.ServerConfig;

/// <summary>Which setting a project runs with: its own key if allowed, else the repo file's, else the server's, else the default.</summary>
public sealed class ProjectPolicyTests
{
    private const string Workflows = """
        workflows:
          safe:
            apply:
              steps: []
          shared: {}
        """;

    [Fact]
    public void A_project_that_names_a_workflow_runs_it()
    {
        var policy = ServerConfigText.PolicyFor($"repos:\n- id: /.*/\n  workflow: safe\n  allowed_overrides: [workflow]\n{Workflows}");

        Assert.Equal("shared", ProjectOf(policy, "  workflow: shared\n").Workflow.Name);
    }

    [Fact]
    public void A_project_without_a_workflow_runs_the_server_entrys_workflow()
    {
        var policy = ServerConfigText.PolicyFor($"repos:\n- id: /.*/\n  workflow: safe\n  allowed_overrides: [workflow]\n{Workflows}");

        Assert.Equal("safe", ProjectOf(policy, "").Workflow.Name);
    }

    [Fact]
    public void Without_an_entry_workflow_the_servers_own_default_workflow_runs()
    {
        var policy = ServerConfigText.PolicyFor("workflows:\n  default:\n    apply:\n      steps: []\n");

        var workflow = ProjectOf(policy, "").Workflow;

        Assert.Equal("default", workflow.Name);
        Assert.Empty(workflow.Apply.Steps);
    }

    [Fact]
    public void Without_any_server_workflow_the_built_in_default_runs()
    {
        Assert.Equal(Workflow.Default, ProjectOf(ServerConfigText.PolicyFor(""), "").Workflow);
    }

    [Fact]
    public void A_repo_workflow_replaces_a_server_workflow_of_the_same_name_only_when_custom_workflows_are_allowed()
    {
        const string server = "repos:\n- id: /.*/\n  allowed_overrides: [workflow]\n  allow_custom_workflows: true\n";
        var policy = ServerConfigText.PolicyFor(server + Workflows);
        var repo = ServerConfigText.Allowed(policy, """
            version: 3
            projects:
            - dir: named
              workflow: safe
            - dir: unnamed
            workflows:
              safe:
                plan:
                  steps: [plan]
              default:
                plan:
                  steps: [init]
            """);

        var named = repo.ForProject(repo.Repo!.Projects[0]).Workflow;
        var unnamed = repo.ForProject(repo.Repo.Projects[1]).Workflow;

        Assert.Equal([BuiltInStep.Plan], named.Plan.Steps.Cast<WorkflowStep.BuiltIn>().Select(s => s.Kind));
        // As in Atlantis, a repo's own "default" workflow runs only for projects that name it.
        Assert.Equal(Workflow.Default, unnamed);
    }

    [Theory]
    [InlineData("  apply_requirements: []\n", new string[0])]
    [InlineData("  apply_requirements: [mergeable]\n", new[] { "mergeable" })]
    [InlineData("", new[] { "approved" })]
    public void An_allowed_project_requirement_list_replaces_the_servers_even_when_empty(string projectKeys, string[] expected)
    {
        var policy = ServerConfigText.PolicyFor("repos:\n- id: /.*/\n  apply_requirements: [approved]\n  allowed_overrides: [apply_requirements]\n");

        Assert.Equal(expected, ProjectOf(policy, projectKeys).ApplyRequirements);
    }

    [Fact]
    public void Plan_and_import_requirements_come_from_the_server_unless_the_project_may_and_does_set_them()
    {
        var policy = ServerConfigText.PolicyFor("""
            repos:
            - id: /.*/
              plan_requirements: [undiverged]
              import_requirements: [approved]
              allowed_overrides: [import_requirements]
            """);

        var project = ProjectOf(policy, "  import_requirements: [mergeable]\n");

        Assert.Equal(["undiverged"], project.PlanRequirements);
        Assert.Equal(["mergeable"], project.ImportRequirements);
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("delete_source_branch_on_merge: false\n", "", false)]
    [InlineData("delete_source_branch_on_merge: false\n", "  delete_source_branch_on_merge: true\n", true)]
    public void Delete_source_branch_goes_server_then_repo_file_then_project(string top, string project, bool expected)
    {
        var policy = ServerConfigText.PolicyFor(
            "repos:\n- id: /.*/\n  delete_source_branch_on_merge: true\n  allowed_overrides: [delete_source_branch_on_merge]\n");

        var config = ServerConfigText.Allowed(policy, $"version: 3\n{top}projects:\n- dir: .\n{project}");

        Assert.Equal(expected, config.ForProject(config.Repo!.Projects[0]).DeleteSourceBranchOnMerge);
    }

    [Fact]
    public void Repo_file_settings_the_server_does_not_allow_are_left_out_as_atlantis_does()
    {
        var policy = ServerConfigText.PolicyFor("repos:\n- id: /.*/\n  delete_source_branch_on_merge: true\n");

        var config = ServerConfigText.Allowed(policy, """
            version: 3
            delete_source_branch_on_merge: false
            repo_locks: {mode: disabled}
            silence_pr_comments: [plan]
            projects:
            - dir: .
            """);

        Assert.True(config.DeleteSourceBranchOnMerge);
        Assert.Equal(RepoLocksMode.OnPlan, config.RepoLocks);
        Assert.Empty(config.SilencePrComments);
        Assert.Equal(RepoLocksMode.OnPlan, config.ForProject(config.Repo!.Projects[0]).RepoLocks);
    }

    [Theory]
    [InlineData("", "", RepoLocksMode.OnApply)]
    [InlineData("", "  repo_locks: {mode: disabled}\n", RepoLocksMode.Disabled)]
    [InlineData("repo_locks: {mode: on_plan}\n", "", RepoLocksMode.OnPlan)]
    public void Repo_locks_go_server_then_repo_file_then_project(string top, string project, RepoLocksMode expected)
    {
        var policy = ServerConfigText.PolicyFor("repos:\n- id: /.*/\n  repo_locks: {mode: on_apply}\n  allowed_overrides: [repo_locks]\n");

        var config = ServerConfigText.Allowed(policy, $"version: 3\n{top}projects:\n- dir: .\n{project}");

        Assert.Equal(expected, config.ForProject(config.Repo!.Projects[0]).RepoLocks);
    }

    [Theory]
    [InlineData("repo_locks: {mode: disabled}", "  repo_locking: true\n", RepoLocksMode.OnPlan)]
    [InlineData("repo_locks: {mode: on_apply}", "  repo_locking: true\n", RepoLocksMode.OnApply)]
    [InlineData("repo_locks: {mode: on_apply}", "  repo_locking: false\n", RepoLocksMode.Disabled)]
    public void The_older_project_repo_locking_switches_locks_on_or_off(string server, string project, RepoLocksMode expected)
    {
        var policy = ServerConfigText.PolicyFor($"repos:\n- id: /.*/\n  {server}\n  allowed_overrides: [repo_locking]\n");

        Assert.Equal(expected, ProjectOf(policy, project).RepoLocks);
    }

    [Fact]
    public void Silenced_comments_come_from_the_project_else_the_repo_file_when_allowed()
    {
        var policy = ServerConfigText.PolicyFor("repos:\n- id: /.*/\n  silence_pr_comments: [apply]\n  allowed_overrides: [silence_pr_comments]\n");

        var config = ServerConfigText.Allowed(policy, """
            version: 3
            silence_pr_comments: [plan]
            projects:
            - dir: quiet
              silence_pr_comments: []
            - dir: default
            """);

        Assert.Empty(config.ForProject(config.Repo!.Projects[0]).SilencePrComments);
        Assert.Equal(["plan"], config.ForProject(config.Repo.Projects[1]).SilencePrComments);
        Assert.Equal(["plan"], config.SilencePrComments);
    }

    [Fact]
    public void Custom_policy_check_is_the_projects_when_allowed()
    {
        var policy = ServerConfigText.PolicyFor("repos:\n- id: /.*/\n  policy_check: true\n  allowed_overrides: [custom_policy_check]\n");

        var project = ProjectOf(policy, "  custom_policy_check: true\n");

        Assert.True(project.CustomPolicyCheck);
        Assert.True(project.PolicyCheck);
    }

    [Fact]
    public void A_project_found_without_config_gets_the_server_settings_alone()
    {
        var policy = ServerConfigText.PolicyFor(
            "repos:\n- id: /.*/\n  apply_requirements: [approved]\n  allowed_overrides: [repo_locks, delete_source_branch_on_merge]\n");

        var config = ServerConfigText.Allowed(policy, """
            version: 3
            repo_locks: {mode: disabled}
            delete_source_branch_on_merge: true
            autodiscover: {mode: enabled}
            projects:
            - dir: configured
            """);
        var discovered = config.ForProject(null);

        Assert.Equal(["approved"], discovered.ApplyRequirements);
        Assert.Equal(RepoLocksMode.OnPlan, discovered.RepoLocks);
        Assert.False(discovered.DeleteSourceBranchOnMerge);
        Assert.Equal(RepoLocksMode.Disabled, config.RepoLocks);
        Assert.True(config.DiscoversProjects);
    }

    [Fact]
    public void Repo_level_switches_come_from_the_repo_file_and_hooks_from_the_server()
    {
        var policy = ServerConfigText.PolicyFor("""
            repos:
            - id: /.*/
              autodiscover: {mode: disabled}
              pre_workflow_hooks: [{run: ./prepare.sh}]
            """);

        var config = ServerConfigText.Allowed(policy, """
            version: 3
            automerge: true
            parallel_plan: true
            parallel_apply: true
            abort_on_execution_order_fail: true
            autodiscover: {mode: enabled, ignore_paths: [old/**]}
            """);
        var defaults = ServerConfigText.Allowed(policy, "version: 3\n");

        Assert.True(config.Automerge && config.ParallelPlan && config.ParallelApply && config.AbortOnExecutionOrderFail);
        Assert.Equal((AutoDiscoverMode.Enabled, "old/**"), (config.AutoDiscover.Mode, Assert.Single(config.AutoDiscover.IgnorePaths)));
        Assert.Equal(["./prepare.sh"], config.PreWorkflowHooks.Select(h => h.Command));
        Assert.False(defaults.Automerge || defaults.ParallelPlan || defaults.ParallelApply);
        Assert.Equal(AutoDiscoverMode.Disabled, defaults.AutoDiscover.Mode);
        Assert.False(defaults.DiscoversProjects);
    }

    private static ProjectPolicy ProjectOf(ServerRepoPolicy policy, string projectKeys)
    {
        var config = ServerConfigText.Allowed(policy, $"version: 3\nprojects:\n- dir: .\n{projectKeys}");
        return config.ForProject(config.Repo!.Projects[0]);
    }
}
