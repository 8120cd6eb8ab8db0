using IaCBot.Core.RepoConfig;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.ServerConfig;

/// <summary>How the entries of repos.yaml combine for one repository and base branch.</summary>
public sealed class ServerConfigMergeTests
{
    private static readonly RepoId Other = new("github.com", "acme", "website");

    [Fact]
    public void Without_a_server_config_a_repository_gets_atlantis_defaults()
    {
        var policy = IaCBot.Core.ServerConfig.ServerConfig.Default.For(ServerConfigText.Infra, "main");

        Assert.Empty(policy.PlanRequirements);
        Assert.Empty(policy.ApplyRequirements);
        Assert.Empty(policy.ImportRequirements);
        Assert.Equal(Workflow.Default, policy.Workflow);
        Assert.Empty(policy.AllowedOverrides);
        Assert.Empty(policy.AllowedWorkflows);
        Assert.False(policy.AllowCustomWorkflows);
        Assert.Equal(AutoDiscoverConfig.Default, policy.AutoDiscover);
        Assert.False(policy.DeleteSourceBranchOnMerge);
        Assert.Equal(RepoLocksMode.OnPlan, policy.RepoLocks);
        Assert.Empty(policy.SilencePrComments);
        Assert.False(policy.PolicyCheck);
        Assert.False(policy.CustomPolicyCheck);
        Assert.Null(policy.RepoConfigFile);
        Assert.Empty(policy.PreWorkflowHooks);
        Assert.True(policy.AcceptsBaseBranch);
    }

    [Fact]
    public void A_later_matching_entry_wins_for_the_keys_it_sets_and_leaves_the_others()
    {
        // The example of Atlantis' server-side repo config reference.
        var policy = ServerConfigText.PolicyFor("""
            repos:
            - id: /.*/
              allow_custom_workflows: true
              apply_requirements: [approved]
            - id: github.com/acme/infra
              apply_requirements: []
            """);

        Assert.Empty(policy.ApplyRequirements);
        Assert.True(policy.AllowCustomWorkflows);
        Assert.Equal(Workflow.DefaultName, policy.Workflow.Name);
        Assert.Empty(policy.AllowedOverrides);
    }

    [Fact]
    public void File_order_decides_not_how_specific_an_id_is()
    {
        var config = ServerConfigText.Valid("""
            repos:
            - id: github.com/acme/infra
              apply_requirements: [approved]
            - id: /.*/
              apply_requirements: [mergeable]
            """);

        Assert.Equal(["mergeable"], config.For(ServerConfigText.Infra, "main").ApplyRequirements);
    }

    [Theory]
    [InlineData("github.com/acme/infra", true)]
    [InlineData("github.com/acme/infr", false)]
    [InlineData("GitHub.com/acme/infra", false)]
    [InlineData("/acme/", true)]
    [InlineData("/infra$/", true)]
    [InlineData("/^acme/", false)]
    [InlineData("/^github\\.com\\/acme\\/.*$/", true)]
    [InlineData("/^github\\.com\\/other\\/.*$/", false)]
    public void An_exact_id_must_equal_host_owner_name_while_a_regex_may_match_anywhere_in_it(string id, bool matches)
    {
        var policy = ServerConfigText.PolicyFor($"repos:\n- id: '{id}'\n  apply_requirements: [approved]\n");

        Assert.Equal(matches ? ["approved"] : [], policy.ApplyRequirements);
    }

    [Fact]
    public void An_entry_for_one_repository_does_not_reach_another()
    {
        var config = ServerConfigText.Valid("""
            repos:
            - id: github.com/acme/infra
              allowed_overrides: [workflow]
            """);

        Assert.Equal(["workflow"], config.For(ServerConfigText.Infra, "main").AllowedOverrides);
        Assert.Empty(config.For(Other, "main").AllowedOverrides);
    }

    [Theory]
    [InlineData("main", true)]
    [InlineData("release-1.2", true)]
    [InlineData("feature/main-menu", false)]
    [InlineData("develop", false)]
    public void An_entry_with_a_branch_applies_only_to_pull_requests_into_a_matching_base_branch(string baseBranch, bool applies)
    {
        var config = ServerConfigText.Valid("""
            repos:
            - id: /.*/
              apply_requirements: [mergeable]
            - id: /.*/
              branch: /^(main|release-.*)$/
              apply_requirements: [approved, mergeable]
            """);

        var policy = config.For(ServerConfigText.Infra, baseBranch);

        Assert.Equal(applies ? ["approved", "mergeable"] : ["mergeable"], policy.ApplyRequirements);
        Assert.Equal(applies, policy.AcceptsBaseBranch);
    }

    [Fact]
    public void The_hooks_of_every_matching_entry_run_in_file_order()
    {
        var policy = ServerConfigText.PolicyFor("""
            repos:
            - id: /.*/
              pre_workflow_hooks: [{run: ./everyone.sh}]
            - id: github.com/acme/website
              pre_workflow_hooks: [{run: ./website.sh}]
            - id: github.com/acme/infra
              pre_workflow_hooks: [{run: ./infra.sh}]
              post_workflow_hooks: [{run: ./after.sh}]
            """);

        Assert.Equal(["./everyone.sh", "./infra.sh"], policy.PreWorkflowHooks.Select(h => h.Command));
        Assert.Equal(["./after.sh"], policy.PostWorkflowHooks.Select(h => h.Command));
    }

    [Theory]
    [InlineData("repo_locking: false", RepoLocksMode.Disabled)]
    [InlineData("repo_locking: false\n  repo_locks: {mode: on_apply}", RepoLocksMode.Disabled)]
    [InlineData("repo_locking: true\n  repo_locks: {mode: on_apply}", RepoLocksMode.OnApply)]
    [InlineData("repo_locks: {mode: disabled}", RepoLocksMode.Disabled)]
    [InlineData("repo_locks: {}", RepoLocksMode.OnPlan)]
    public void The_older_repo_locking_false_turns_locks_off_whatever_repo_locks_says(string keys, RepoLocksMode expected)
    {
        var policy = ServerConfigText.PolicyFor($"repos:\n- id: /.*/\n  {keys}\n");

        Assert.Equal(expected, policy.RepoLocks);
    }

    [Fact]
    public void An_entry_picks_a_server_workflow_and_a_later_entry_can_pick_another()
    {
        var config = ServerConfigText.Valid("""
            repos:
            - id: /.*/
              workflow: safe
            - id: github.com/acme/infra
              workflow: default
            workflows:
              safe:
                apply:
                  steps: []
            """);

        Assert.Equal("default", config.For(ServerConfigText.Infra, "main").Workflow.Name);
        Assert.Equal("safe", config.For(Other, "main").Workflow.Name);
        Assert.Empty(config.For(Other, "main").Workflow.Apply.Steps);
    }

    [Fact]
    public void Autodiscover_set_by_an_entry_replaces_the_whole_block()
    {
        var policy = ServerConfigText.PolicyFor("""
            repos:
            - id: /.*/
              autodiscover: {mode: enabled, ignore_paths: [legacy/**]}
            - id: github.com/acme/infra
              autodiscover: {mode: disabled}
            """);

        Assert.Equal(AutoDiscoverMode.Disabled, policy.AutoDiscover.Mode);
        Assert.Empty(policy.AutoDiscover.IgnorePaths);
    }

    [Fact]
    public void The_repo_config_file_of_the_last_matching_entry_that_names_one_is_read()
    {
        using var checkout = new Projects.TempCheckout();
        checkout.Write("atlantis.yaml", "version: 3\nprojects: [{dir: default-file}]\n");
        checkout.Write("deploy/atlantis-production.yaml", "version: 3\nprojects: [{dir: production}]\n");
        var config = ServerConfigText.Valid("""
            repos:
            - id: /.*/
              repo_config_file: deploy/atlantis-production.yaml
            - id: github.com/acme/website
              repo_config_file: missing.yaml
            """);

        var infra = config.For(ServerConfigText.Infra, "main").LoadRepoConfig(checkout.Root);
        var website = config.For(Other, "main").LoadRepoConfig(checkout.Root);
        var plain = IaCBot.Core.ServerConfig.ServerConfig.Default.For(Other, "main").LoadRepoConfig(checkout.Root);

        var loaded = Assert.IsType<RepoConfigLoadResult.Loaded>(infra);
        Assert.Equal(("deploy/atlantis-production.yaml", "production"), (loaded.FileName, loaded.Config.Projects[0].Dir));
        Assert.IsType<RepoConfigLoadResult.NotFound>(website);
        Assert.Equal("default-file", Assert.IsType<RepoConfigLoadResult.Loaded>(plain).Config.Projects[0].Dir);
    }
}
