using IaCBot.Core.Commands;
using IaCBot.Core.Processes;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Terraform;
using IaCBot.Core.Vcs;
using IaCBot.Core.Workflows;

namespace IaCBot.Core.Tests.Workflows;

public sealed class WorkflowRunnerTests
{
    private static readonly PullRequestInfo Pull = new(
        new PullRequestRef(new RepoId("github.com", "acme", "infra"), 1), "alice", "abc123", "change", "main",
        "https://github.com/acme/infra.git", false, PullRequestState.Open, null, null, "https://github.com/acme/infra/pull/1");

    [Fact]
    public async Task A_stage_keeps_the_end_of_its_steps_output_and_counts_what_it_and_the_runner_left_out()
    {
        var processes = new ScriptedProcesses(
            new ProcessResult(0, Lines("first", 1000), false, TimeSpan.Zero, new OmittedOutput(500, 60_000)),
            new ProcessResult(0, Lines("second", 1000), false, TimeSpan.Zero));
        var runner = new WorkflowRunner(new TerraformRunner(processes, new TerraformSettings("terraform", TimeSpan.FromMinutes(1))), processes, maxShownChars: 15_000);
        var stage = new WorkflowStage([Run("make first"), Run("make second")]);

        var result = await runner.RunAsync(stage, CommandKind.Plan, Context(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.Output.Length <= 15_000);
        Assert.EndsWith("second line 1000", result.Output, StringComparison.Ordinal);
        var shownLines = result.Output.Split('\n').Length;
        Assert.Equal(500 + 2000, result.Omitted!.Lines + shownLines);
    }

    [Fact]
    public async Task Every_step_s_process_appends_to_the_project_s_log()
    {
        var processes = new ScriptedProcesses(new ProcessResult(0, "ok\n", false, TimeSpan.Zero));
        var runner = new WorkflowRunner(new TerraformRunner(processes, new TerraformSettings("terraform", TimeSpan.FromMinutes(1))), processes);
        var log = new LogFile("/data/logs/run/dir-app.default.log", "logs/run/dir-app.default.log", null);

        await runner.RunAsync(new WorkflowStage([Run("make")]), CommandKind.Plan, Context() with { Log = log }, CancellationToken.None);

        Assert.Equal(log.Path, Assert.Single(processes.Specs).LogFile);
    }

    private static string Lines(string word, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"{word} line {i}\n"));

    private static WorkflowStep.Run Run(string command) => new(command, null, [], RunOutput.Show, []);

    private static StepContext Context() =>
        new(Pull, new Project(new ProjectKey("app", ProjectKey.DefaultWorkspace), null, []), Path.GetTempPath(), "alice", "iacbot", [], [], "terraform");

    private sealed class ScriptedProcesses(params ProcessResult[] results) : IProcessRunner
    {
        private readonly Queue<ProcessResult> _results = new(results);

        public List<ProcessSpec> Specs { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
        {
            Specs.Add(spec);
            return Task.FromResult(_results.Dequeue());
        }
    }
}
