using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.Tests.RepoConfig;

/// <summary>Real atlantis.yaml files from Atlantis' own end-to-end tests read into the model.</summary>
public sealed class AtlantisFixtureTests
{
    [Fact]
    public void Simple_yaml_has_two_workspaces_of_the_root_with_custom_workflows()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("simple-yaml.atlantis.yaml"));

        Assert.Equal(3, config.Version);
        Assert.Equal(
            [new ProjectKey(".", "default"), new ProjectKey(".", "staging")],
            config.Projects.Select(p => p.Key));
        Assert.Equal(["default", "staging"], config.Projects.Select(p => p.Workflow));
        Assert.All(config.Projects, p => Assert.Null(p.Name));

        var plan = config.Workflows["default"].Plan.Steps;
        Assert.Equal(4, plan.Count);
        var preinit = Assert.IsType<WorkflowStep.Run>(plan[0]);
        Assert.Equal(("echo preinit", null, RunOutput.Show), (preinit.Command, preinit.Shell, preinit.Output));
        Assert.Equal(BuiltInStep.Init, Assert.IsType<WorkflowStep.BuiltIn>(plan[1]).Kind);
        Assert.Equal(["-var", "var=fromconfig"], Assert.IsType<WorkflowStep.BuiltIn>(plan[2]).ExtraArgs);
        Assert.Equal("echo postplan", Assert.IsType<WorkflowStep.Run>(plan[3]).Command);
    }

    [Fact]
    public void A_workflow_that_only_sets_plan_keeps_the_default_apply()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("simple-yaml.atlantis.yaml"));

        var apply = config.Workflows["default"].Apply.Steps;
        Assert.Equal(BuiltInStep.Apply, Assert.IsType<WorkflowStep.BuiltIn>(Assert.Single(apply)).Kind);
        Assert.Equal(
            ["echo preapply", "apply", "echo postapply"],
            config.Workflows["staging"].Apply.Steps.Select(Describe));
    }

    [Fact]
    public void Tfvars_yaml_names_two_projects_on_the_same_directory_and_workspace()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("tfvars-yaml.atlantis.yaml"));

        Assert.Equal(["default", "staging"], config.Projects.Select(p => p.Name));
        Assert.All(config.Projects, p => Assert.Equal(new ProjectKey(".", "default"), p.Key));
        Assert.Equal(
            ["rm -rf .terraform", "init -backend-config=default.backend.tfvars", "plan -var-file=default.tfvars", "echo workspace=$WORKSPACE"],
            config.Workflows["default"].Plan.Steps.Select(Describe));
        Assert.Equal(
            ["rm -rf .terraform", "init -backend-config=staging.backend.tfvars", "plan -var-file staging.tfvars"],
            config.Workflows["staging"].Plan.Steps.Select(Describe));
    }

    [Fact]
    public void Tfvars_yaml_no_autoplan_disables_autoplan_but_keeps_the_default_patterns()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("tfvars-yaml-no-autoplan.atlantis.yaml"));

        Assert.All(config.Projects, p => Assert.False(p.Autoplan.Enabled));
        Assert.All(config.Projects, p => Assert.Equal(AutoplanConfig.DefaultWhenModified, p.Autoplan.WhenModified));
    }

    [Fact]
    public void Modules_yaml_plans_on_module_changes_through_when_modified()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("modules-yaml.atlantis.yaml"));

        Assert.Equal(["staging", "production"], config.Projects.Select(p => p.Dir));
        Assert.All(config.Projects, p => Assert.Equal(["**/*.tf*", "../modules/null/*"], p.Autoplan.WhenModified));
        Assert.All(config.Projects, p => Assert.True(p.Autoplan.Enabled));
    }

    [Fact]
    public void Workspace_parallel_yaml_sets_parallel_plan_and_apply()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("workspace-parallel-yaml.atlantis.yaml"));

        Assert.False(config.ParallelPlan);
        Assert.True(config.ParallelApply);
        Assert.Equal(
            [new ProjectKey("production", "production"), new ProjectKey("staging", "staging")],
            config.Projects.Select(p => p.Key));
    }

    [Fact]
    public void Automerge_yaml_turns_automerge_on()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("automerge.atlantis.yaml"));

        Assert.True(config.Automerge);
        Assert.Equal(["dir1", "dir2"], config.Projects.Select(p => p.Dir));
        Assert.Null(config.ParallelPlan);
    }

    [Theory]
    [InlineData("import-workspace.atlantis.yaml")]
    [InlineData("state-rm-workspace.atlantis.yaml")]
    public void Named_project_in_a_workspace_is_read(string fixture)
    {
        var project = Assert.Single(ConfigText.Valid(ConfigText.Fixture(fixture)).Projects);

        Assert.Equal("dir1-ops", project.Name);
        Assert.Equal(new ProjectKey("dir1", "ops"), project.Key);
        Assert.Empty(project.ApplyRequirements);
        Assert.Null(project.Workflow);
    }

    [Fact]
    public void Custom_name_config_lists_nested_directories()
    {
        var config = ConfigText.Valid(ConfigText.Fixture("repo-config-file.custom-name-atlantis.yaml"));

        Assert.Equal(["infrastructure/staging", "infrastructure/production"], config.Projects.Select(p => p.Dir));
    }

    [Fact]
    public void A_workflow_defined_only_on_the_server_is_refused_unless_the_server_names_it()
    {
        var yaml = ConfigText.Fixture("server-side-cfg.atlantis.yaml");

        var error = ConfigText.Error(yaml);
        var withServerWorkflows = RepoConfigParser.Parse(yaml, "atlantis.yaml", new RepoConfigParseOptions(["custom", "staging"]));

        Assert.Equal((7, 13), (error.Line, error.Column));
        Assert.Contains("`workflow: staging`", error.Message, StringComparison.Ordinal);
        var config = Assert.IsType<RepoConfigLoadResult.Loaded>(withServerWorkflows).Config;
        Assert.Equal([null, "staging"], config.Projects.Select(p => p.Workflow));
    }

    private static string Describe(WorkflowStep step) => step switch
    {
        WorkflowStep.Run run => run.Command,
        WorkflowStep.BuiltIn builtIn => string.Join(' ', [builtIn.Kind.ToString().ToLowerInvariant(), .. builtIn.ExtraArgs]),
        _ => step.ToString(),
    };
}
