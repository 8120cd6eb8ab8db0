using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.Tests.RepoConfig;

public sealed class RepoConfigParserTests
{
    private const string AllKeys = """
        version: 3
        automerge: true
        autodiscover:
          mode: enabled
          ignore_paths: [legacy/**, "scratch/*"]
        delete_source_branch_on_merge: true
        parallel_plan: true
        parallel_apply: false
        abort_on_execution_order_fail: true
        repo_locks:
          mode: on_apply
        silence_pr_comments: [apply]
        allowed_regexp_prefixes: [dev/, staging/]
        projects:
        - name: network
          branch: /main|release-.*/
          dir: ./infra/network/
          workspace: prod
          terraform_version: v1.6.2
          terraform_distribution: opentofu
          autoplan:
            enabled: false
            when_modified: ["*.tf", "../modules/**/*.tf", "!legacy.tf"]
          plan_requirements: [undiverged]
          apply_requirements: [mergeable, approved]
          import_requirements: [approved]
          workflow: custom
          execution_order_group: 2
          depends_on: [base]
          delete_source_branch_on_merge: false
          repo_locks:
            mode: disabled
          silence_pr_comments: [plan]
        - name: base
          dir: base
        workflows:
          custom:
            plan:
              steps:
              - env:
                  name: TF_IN_AUTOMATION
                  value: "true"
              - env:
                  name: ACCOUNT
                  command: ./account.sh
                  shell: bash
                  shellArgs: ["-eu", "-c"]
              - multienv: ./vars.sh
              - multienv:
                  command: ./secrets.sh
                  output: hide
              - init:
                  extra_args: [-upgrade]
              - plan
              - run:
                  command: ./check.sh
                  shell: bash
                  shellArgs: -c
                  output: strip_refreshing
              - run:
                  command: ./report.sh
                  output: [strip_refreshing, filter_regex: "secret=\\S+"]
            apply:
              steps: []
        """;

    [Fact]
    public void Every_top_level_key_is_read()
    {
        var config = ConfigText.Valid(AllKeys);

        Assert.Equal(3, config.Version);
        Assert.True(config.Automerge);
        Assert.Equal(AutoDiscoverMode.Enabled, config.AutoDiscover.Mode);
        Assert.Equal(["legacy/**", "scratch/*"], config.AutoDiscover.IgnorePaths);
        Assert.True(config.DeleteSourceBranchOnMerge);
        Assert.True(config.ParallelPlan);
        Assert.False(config.ParallelApply);
        Assert.True(config.AbortOnExecutionOrderFail);
        Assert.Equal(RepoLocksMode.OnApply, config.RepoLocks);
        Assert.Equal(["apply"], config.SilencePrComments);
        Assert.Equal(["dev/", "staging/"], config.AllowedRegexpPrefixes);
    }

    [Fact]
    public void Every_project_key_is_read_and_the_dir_is_normalised()
    {
        var project = ConfigText.Valid(AllKeys).Projects[0];

        Assert.Equal("network", project.Name);
        Assert.Equal(new ProjectKey("infra/network", "prod"), project.Key);
        Assert.Matches(project.Branch!, "release-2");
        Assert.DoesNotMatch(project.Branch!, "feature");
        Assert.Equal("v1.6.2", project.TerraformVersion);
        Assert.Equal(TerraformDistribution.OpenTofu, project.TerraformDistribution);
        Assert.False(project.Autoplan.Enabled);
        Assert.Equal(["*.tf", "../modules/**/*.tf", "!legacy.tf"], project.Autoplan.WhenModified);
        Assert.Equal(["undiverged"], project.PlanRequirements);
        Assert.Equal(["mergeable", "approved"], project.ApplyRequirements);
        Assert.Equal(["approved"], project.ImportRequirements);
        Assert.Equal("custom", project.Workflow);
        Assert.Equal(2, project.ExecutionOrderGroup);
        Assert.Equal(["base"], project.DependsOn);
        Assert.False(project.DeleteSourceBranchOnMerge);
        Assert.Equal(RepoLocksMode.Disabled, project.RepoLocks);
        Assert.Equal(["plan"], project.SilencePrComments);
    }

    [Fact]
    public void Each_step_form_is_read()
    {
        var steps = ConfigText.Valid(AllKeys).Workflows["custom"].Plan.Steps;

        var value = Assert.IsType<WorkflowStep.Env>(steps[0]);
        Assert.Equal(("TF_IN_AUTOMATION", "true", null), (value.Name, value.Value, value.Command));
        var command = Assert.IsType<WorkflowStep.Env>(steps[1]);
        Assert.Equal(("ACCOUNT", null, "./account.sh", "bash"), (command.Name, command.Value, command.Command, command.Shell));
        Assert.Equal(["-eu", "-c"], command.ShellArgs);
        Assert.Equal(("./vars.sh", RunOutput.Show), (Assert.IsType<WorkflowStep.MultiEnv>(steps[2]).Command, ((WorkflowStep.MultiEnv)steps[2]).Output));
        Assert.Equal(RunOutput.Hide, Assert.IsType<WorkflowStep.MultiEnv>(steps[3]).Output);
        Assert.Equal(["-upgrade"], Assert.IsType<WorkflowStep.BuiltIn>(steps[4]).ExtraArgs);
        Assert.Empty(Assert.IsType<WorkflowStep.BuiltIn>(steps[5]).ExtraArgs);
        var check = Assert.IsType<WorkflowStep.Run>(steps[6]);
        Assert.Equal(("./check.sh", "bash", RunOutput.StripRefreshing), (check.Command, check.Shell, check.Output));
        Assert.Equal(["-c"], check.ShellArgs);
        var report = Assert.IsType<WorkflowStep.Run>(steps[7]);
        Assert.Equal(RunOutput.StripRefreshing, report.Output);
        Assert.Equal([@"secret=\S+"], report.OutputFilters);
    }

    [Fact]
    public void An_empty_steps_list_runs_nothing_while_a_missing_stage_keeps_the_default()
    {
        var workflow = ConfigText.Valid(AllKeys).Workflows["custom"];

        Assert.Empty(workflow.Apply.Steps);
        Assert.Equal(WorkflowStage.DefaultImport, workflow.Import);
        Assert.Equal(WorkflowStage.DefaultStateRm, workflow.StateRm);
    }

    [Fact]
    public void A_minimal_project_gets_atlantis_defaults()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - dir: .
            """);

        var project = Assert.Single(config.Projects);
        Assert.Equal(new ProjectKey(".", "default"), project.Key);
        Assert.Null(project.Name);
        Assert.True(project.Autoplan.Enabled);
        Assert.Equal(["**/*.tf*", "**/terragrunt.hcl", "**/.terraform.lock.hcl"], project.Autoplan.WhenModified);
        Assert.Empty(project.ApplyRequirements);
        Assert.Null(project.Workflow);
        Assert.Equal(0, project.ExecutionOrderGroup);
        Assert.Null(project.RepoLocks);
        Assert.Null(config.Automerge);
        Assert.False(config.AbortOnExecutionOrderFail);
        Assert.Equal(AutoDiscoverConfig.Default, config.AutoDiscover);
        Assert.Empty(config.Workflows);
    }

    [Fact]
    public void Version_2_is_still_accepted()
    {
        Assert.Equal(2, ConfigText.Valid("version: 2").Version);
    }

    [Fact]
    public void A_config_without_projects_discovers_them_unless_told_otherwise()
    {
        Assert.True(ConfigText.Valid("version: 3").DiscoversProjects);
        Assert.False(ConfigText.Valid("version: 3\nprojects: [{dir: a}]").DiscoversProjects);
        Assert.True(ConfigText.Valid("version: 3\nautodiscover: {mode: enabled}\nprojects: [{dir: a}]").DiscoversProjects);
        Assert.False(ConfigText.Valid("version: 3\nautodiscover: {mode: disabled}").DiscoversProjects);
    }

    [Fact]
    public void Yaml_booleans_from_yaml_1_1_are_accepted_as_atlantis_accepts_them()
    {
        var config = ConfigText.Valid("version: 3\nautomerge: yes\nparallel_plan: off");

        Assert.True(config.Automerge);
        Assert.False(config.ParallelPlan);
    }

    [Fact]
    public void The_older_repo_locking_flag_still_sets_the_lock_mode()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - dir: a
              repo_locking: false
            - dir: b
              repo_locking: true
            """);

        Assert.Equal([RepoLocksMode.Disabled, RepoLocksMode.OnPlan], config.Projects.Select(p => p.RepoLocks));
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_share_project_settings()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - &defaults
              dir: base
              apply_requirements: [approved]
              autoplan:
                when_modified: ["*.tf"]
            - <<: *defaults
              dir: other
              name: other
            """);

        Assert.Equal(["base", "other"], config.Projects.Select(p => p.Dir));
        Assert.All(config.Projects, p => Assert.Equal(["approved"], p.ApplyRequirements));
        Assert.Equal(["*.tf"], config.Projects[1].Autoplan.WhenModified);
        Assert.Equal("other", config.Projects[1].Name);
    }

    [Fact]
    public void Keys_atlantis_knows_but_iacbot_does_not_act_on_are_accepted()
    {
        var config = ConfigText.Valid("""
            version: 3
            emoji_reaction: eyes
            policies:
              policy_sets: []
            projects:
            - dir: a
              policy_check: true
              custom_policy_check: false
              destroy_execution_order_group: 1
            """);

        Assert.Equal("eyes", config.EmojiReaction);
        Assert.True(config.Projects[0].PolicyCheck);
        Assert.Equal(1, config.Projects[0].DestroyExecutionOrderGroup);
    }

    [Fact]
    public void A_workflow_named_default_replaces_the_default_one()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - dir: .
              workflow: default
            workflows:
              default:
                plan:
                  steps: [init, plan]
            """);

        Assert.Equal("default", config.Projects[0].Workflow);
        Assert.Equal(2, config.Workflows["default"].Plan.Steps.Count);
    }
}
