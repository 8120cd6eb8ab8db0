using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;

namespace IaCBot.Core.Tests.ServerConfig;

/// <summary>The server-side config of Atlantis' own end-to-end test "server-side-cfg", with the repo config it runs with.</summary>
public sealed class ServerSideCfgFixtureTests
{
    private static readonly ServerRepoPolicy Policy =
        ServerConfigText.Valid(ServerConfigText.Fixture("server-side-cfg.repos.yaml")).For(ServerConfigText.Infra, "main");

    [Fact]
    public void The_repos_yaml_gives_every_repository_its_hooks_workflow_and_workflow_override()
    {
        Assert.Equal(["echo \"hello\""], Policy.PreWorkflowHooks.Select(h => h.Command));
        Assert.Equal(["echo \"hello\""], Policy.PostWorkflowHooks.Select(h => h.Command));
        Assert.Equal("custom", Policy.Workflow.Name);
        Assert.Equal(["workflow"], Policy.AllowedOverrides);
        Assert.Equal(["custom", "default", "staging"], Policy.Workflows.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_repo_config_runs_the_entrys_workflow_and_the_server_workflow_it_names()
    {
        var config = ServerConfigText.Allowed(Policy, ServerConfigText.Fixture("server-side-cfg.atlantis.yaml"));

        var defaultWorkspace = config.ForProject(config.Repo!.Projects[0]).Workflow;
        var staging = config.ForProject(config.Repo.Projects[1]).Workflow;

        Assert.Equal("custom", defaultWorkspace.Name);
        Assert.Equal(["echo preinit custom", "init", "plan", "echo postplan custom"], defaultWorkspace.Plan.Steps.Select(Describe));
        Assert.Equal("staging", staging.Name);
        Assert.Equal(["echo preinit staging", "init", "plan"], staging.Plan.Steps.Select(Describe));
        Assert.Equal(WorkflowStage.DefaultApply, staging.Apply);
    }

    [Fact]
    public void Without_the_workflow_override_the_same_repo_config_is_refused_at_its_workflow_key()
    {
        var strict = ServerConfigText.Valid(ServerConfigText.Fixture("server-side-cfg.repos.yaml").Replace("allowed_overrides: [workflow]", "", StringComparison.Ordinal))
            .For(ServerConfigText.Infra, "main");

        var error = Assert.Single(ServerConfigText.Refused(strict, ServerConfigText.Fixture("server-side-cfg.atlantis.yaml")));

        Assert.Equal((7, 3), (error.Line, error.Column));
        Assert.Contains("`allowed_overrides: [workflow]`", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(WorkflowStep step) => step switch
    {
        WorkflowStep.Run run => run.Command,
        WorkflowStep.BuiltIn builtIn => builtIn.Kind.ToString().ToLowerInvariant(),
        _ => step.ToString(),
    };
}
