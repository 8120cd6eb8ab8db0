using IaCBot.Core.Commands;
using IaCBot.Core.Projects;
using IaCBot.Core.Redaction;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Terraform;
using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Tests.Projects;
using IaCBot.Core.Vcs;
using IaCBot.Core.Workflows;

namespace IaCBot.Core.Tests.Workflows;

/// <summary>What a stage shows of the plan's sensitive values and the server's secrets.</summary>
public sealed class WorkflowRunnerSecretsTests : IDisposable
{
    private const string ServerSecret = "server-secret-42";
    private const string ShowJson = """
        {"format_version":"1.2","variables":{"db_password":{"value":"hunter2-db-pass"}},
         "configuration":{"root_module":{"variables":{"db_password":{"sensitive":true}}}},
         "resource_changes":[{"address":"a.b","change":{"actions":["create"],"before":null,"after":{"x":"y"}}}]}
        """;

    private readonly TempCheckout _checkout = new();
    private readonly ScriptedProcessRunner _processes = new(new Redactor([ServerSecret]));

    public WorkflowRunnerSecretsTests()
    {
        _processes
            .Answer(["workspace", "show"], 0, "default\n")
            .Answer(["plan"], 2, "Plan: 1 to add, 0 to change, 0 to destroy.\n")
            .Answer(["show", "-json"], 0, ShowJson);
    }

    [Fact]
    public async Task A_sensitive_value_a_custom_step_prints_after_the_plan_is_masked_in_what_the_stage_shows()
    {
        _processes.Answer(["-c", "./print-password"], 0, "the password is hunter2-db-pass\n");
        var stage = new WorkflowStage([Step(BuiltInStep.Plan), Run("./print-password")]);

        var result = await Runner().RunAsync(stage, CommandKind.Plan, Context(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Contains("the password is ***", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-db-pass", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_prints_a_sensitive_value_before_the_plan_is_masked_too_and_so_is_its_failure()
    {
        _processes.Answer(["-c", "./check"], 0, "checking hunter2-db-pass\n");
        _processes.Answer(["-c", "./after"], 1, "cannot use hunter2-db-pass\n");
        var stage = new WorkflowStage([Run("./check"), Step(BuiltInStep.Plan), Run("./after")]);

        var result = await Runner().RunAsync(stage, CommandKind.Plan, Context(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("checking ***\nPlan: 1 to add, 0 to change, 0 to destroy.\ncannot use ***", result.Output);
    }

    [Fact]
    public async Task The_apply_stage_masks_the_sensitive_values_of_the_plan_it_applies()
    {
        await Runner().RunAsync(new WorkflowStage([Step(BuiltInStep.Plan)]), CommandKind.Plan, Context(), CancellationToken.None);
        _processes.Answer(["-c", "./notify"], 0, "deployed with hunter2-db-pass\n");

        var result = await Runner().RunAsync(new WorkflowStage([Run("./notify")]), CommandKind.Apply, Context(), CancellationToken.None);

        Assert.Equal("deployed with ***", result.Output);
    }

    [Fact]
    public async Task An_env_step_gets_the_value_as_printed_even_when_it_is_a_server_secret()
    {
        _processes.Answer(["-c", "./read-token"], 0, ServerSecret + "\n");
        var stage = new WorkflowStage([new WorkflowStep.Env("TF_VAR_token", null, "./read-token", null, []), Step(BuiltInStep.Plan)]);

        await Runner().RunAsync(stage, CommandKind.Plan, Context(), CancellationToken.None);

        var plan = _processes.Specs.Single(s => s.Arguments[0] == "plan");
        Assert.Equal(ServerSecret, plan.Environment!["TF_VAR_token"]);
    }

    [Fact]
    public async Task A_run_step_shows_the_server_secrets_masked()
    {
        _processes.Answer(["-c", "./leak"], 0, $"token={ServerSecret}\n");

        var result = await Runner().RunAsync(new WorkflowStage([Run("./leak")]), CommandKind.Plan, Context(), CancellationToken.None);

        Assert.Equal("token=***", result.Output);
    }

    public void Dispose() => _checkout.Dispose();

    private WorkflowRunner Runner() =>
        new(new TerraformRunner(_processes, new TerraformSettings("terraform", TimeSpan.FromMinutes(1))), _processes);

    private StepContext Context()
    {
        var pull = new PullRequestInfo(
            new PullRequestRef(new RepoId("github.com", "acme", "infra"), 7), "alice", "abc123", "feature", "main",
            "https://github.com/acme/infra.git", false, PullRequestState.Open, true, "clean", "https://github.com/acme/infra/pull/7");
        var project = new Project(new ProjectKey(".", "default"), null, []);
        return new StepContext(pull, project, _checkout.Root, "alice", "iacbot", [], [], "terraform");
    }

    private static WorkflowStep Step(BuiltInStep kind) => new WorkflowStep.BuiltIn(kind, []);

    private static WorkflowStep Run(string command) => new WorkflowStep.Run(command, null, [], RunOutput.Show, []);
}
