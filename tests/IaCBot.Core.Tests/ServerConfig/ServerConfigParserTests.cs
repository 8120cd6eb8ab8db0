using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;

namespace IaCBot.Core.Tests.ServerConfig;

public sealed class ServerConfigParserTests
{
    private const string AllKeys = """
        repos:
        - id: /.*/
          branch: /^main$/
          repo_config_file: ./deploy//atlantis-production.yaml
          plan_requirements: [undiverged]
          apply_requirements: [approved, mergeable]
          import_requirements: [approved]
          workflow: custom
          allowed_overrides: [plan_requirements, apply_requirements, import_requirements, workflow, delete_source_branch_on_merge, repo_locking, repo_locks, policy_check, custom_policy_check, silence_pr_comments]
          allowed_workflows: [custom, default]
          allow_custom_workflows: true
          pre_workflow_hooks:
            - run: ./generate.sh
              description: Generate the repo config
              shell: bash
              shellArgs: -eu -c
              commands: plan, apply
            - run: echo short
          post_workflow_hooks:
            - run: ./report.sh
              shellArgs: [-x, -c]
          autodiscover:
            mode: enabled
            ignore_paths: [legacy/**]
          delete_source_branch_on_merge: true
          repo_locking: true
          repo_locks:
            mode: on_apply
          policy_check: true
          custom_policy_check: true
          silence_pr_comments: [plan]
        workflows:
          custom:
            plan:
              steps: [init, plan]
        policies:
          policy_sets:
          - name: base
            path: policies/base
            source: local
        metrics:
          prometheus:
            endpoint: /metrics
        """;

    [Fact]
    public void Every_key_of_a_repo_entry_is_read()
    {
        var policy = ServerConfigText.PolicyFor(AllKeys);

        Assert.Equal("deploy/atlantis-production.yaml", policy.RepoConfigFile);
        Assert.Equal(["undiverged"], policy.PlanRequirements);
        Assert.Equal(["approved", "mergeable"], policy.ApplyRequirements);
        Assert.Equal(["approved"], policy.ImportRequirements);
        Assert.Equal("custom", policy.Workflow.Name);
        Assert.Equal(10, policy.AllowedOverrides.Count);
        Assert.Equal(["custom", "default"], policy.AllowedWorkflows);
        Assert.True(policy.AllowCustomWorkflows);
        Assert.Equal(AutoDiscoverMode.Enabled, policy.AutoDiscover.Mode);
        Assert.Equal(["legacy/**"], policy.AutoDiscover.IgnorePaths);
        Assert.True(policy.DeleteSourceBranchOnMerge);
        Assert.Equal(RepoLocksMode.OnApply, policy.RepoLocks);
        Assert.True(policy.PolicyCheck);
        Assert.True(policy.CustomPolicyCheck);
        Assert.Equal(["plan"], policy.SilencePrComments);
    }

    [Fact]
    public void Workflow_hooks_keep_their_description_shell_arguments_and_commands()
    {
        var policy = ServerConfigText.PolicyFor(AllKeys);

        Assert.Equal(
            [
                new WorkflowHook("./generate.sh", "Generate the repo config", "bash", policy.PreWorkflowHooks[0].ShellArgs, "plan, apply"),
                new WorkflowHook("echo short", null, null, policy.PreWorkflowHooks[1].ShellArgs, null),
            ],
            policy.PreWorkflowHooks);
        Assert.Equal(["-eu", "-c"], policy.PreWorkflowHooks[0].ShellArgs);
        Assert.Empty(policy.PreWorkflowHooks[1].ShellArgs);
        var post = Assert.Single(policy.PostWorkflowHooks);
        Assert.Equal(("./report.sh", null), (post.Command, post.Shell));
        Assert.Equal(["-x", "-c"], post.ShellArgs);
    }

    [Fact]
    public void Server_workflows_are_read_with_the_repo_file_syntax_and_default_is_always_there()
    {
        var config = ServerConfigText.Valid(AllKeys);

        Assert.Equal(["custom", "default"], config.Workflows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Workflow.Default, config.Workflows["default"]);
        Assert.Equal([BuiltInStep.Init, BuiltInStep.Plan], config.Workflows["custom"].Plan.Steps.Cast<WorkflowStep.BuiltIn>().Select(s => s.Kind));
        Assert.Equal(WorkflowStage.DefaultApply, config.Workflows["custom"].Apply);
        Assert.Equal(1, config.RepoCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("repos: []\n")]
    [InlineData("repos:\nworkflows:\n")]
    public void An_empty_server_config_changes_nothing(string yaml)
    {
        var policy = ServerConfigText.PolicyFor(yaml);

        Assert.Equal(0, ServerConfigText.Valid(yaml).RepoCount);
        Assert.Equal(Workflow.Default, policy.Workflow);
        Assert.Empty(policy.AllowedOverrides);
        Assert.Empty(policy.ApplyRequirements);
        Assert.False(policy.AllowCustomWorkflows);
        Assert.Equal(RepoLocksMode.OnPlan, policy.RepoLocks);
    }

    [Fact]
    public void A_server_workflow_named_default_replaces_the_built_in_one_for_every_repository()
    {
        var policy = ServerConfigText.PolicyFor("""
            workflows:
              default:
                plan:
                  steps: [init]
            """);

        Assert.Equal("default", policy.Workflow.Name);
        Assert.Equal([BuiltInStep.Init], policy.Workflow.Plan.Steps.Cast<WorkflowStep.BuiltIn>().Select(s => s.Kind));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_file_order()
    {
        var errors = ServerConfigText.Errors("""
            repos:
            - id: github.com/acme/infra
              apply_requirements: [aproved]
              workflow: nope
            - branch: /main/
            """);

        Assert.Equal([(3, 24), (4, 13), (5, 3)], errors.Select(e => (e.Line, e.Column)));
        Assert.All(errors, e => Assert.Equal("repos.yaml", e.FileName));
    }
}
