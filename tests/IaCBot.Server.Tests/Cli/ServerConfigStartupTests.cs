namespace IaCBot.Server.Tests.Cli;

/// <summary>The server reads `server:repo_config` when it starts and refuses to start on a broken one.</summary>
public sealed class ServerConfigStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-repo-config-").FullName;

    [Fact]
    public async Task A_broken_repos_yaml_stops_start_up_with_each_problem_at_its_line_and_column()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        File.WriteAllText(Path.Combine(_dir, "config", "repos.yaml"), "repos:\n- id: /.*/\n  workflow: custom\n  allow_custom_workflow: true\n");

        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, Settings("config/repos.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("server:repo_config config/repos.yaml:3:13: `workflow: custom` names no workflow of the server config", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("server:repo_config config/repos.yaml:4:3: `allow_custom_workflow` is not a known key for a repo entry. Did you mean `allow_custom_workflows`?", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_repos_yaml_passes_the_start_up_check()
    {
        var example = Path.Combine(IaCBotProcess.SolutionRoot(), "config", "repos.yaml");

        // No token: start-up still stops, so the test ends, but only over the token.
        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, Settings(example));

        Assert.Equal(2, exit);
        Assert.Contains("github:token is required", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("repo_config", stdout + stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Settings(string repoConfig)
    {
        var config = Path.Combine(_dir, "iacbot.yaml");
        File.WriteAllText(config, $"server:\n  data_dir: {_dir}/data\n  repo_allowlist: ['*']\n  repo_config: {repoConfig}\n");
        return ["--config", config];
    }
}
