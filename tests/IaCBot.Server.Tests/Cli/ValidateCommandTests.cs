namespace IaCBot.Server.Tests.Cli;

/// <summary>`iacbot validate`, run as the real executable on checkouts in temporary directories.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private const string StrictServer = "repos:\n- id: /.*/\n  apply_requirements: [approved]\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-validate-").FullName;

    [Fact]
    public async Task A_valid_repo_config_is_reported_ok_with_its_project_count()
    {
        Write("atlantis.yaml", "version: 3\nprojects:\n- dir: network\n- dir: app\n  workspace: staging\n");

        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, "validate");

        Assert.Equal(0, exit);
        Assert.Equal("OK: atlantis.yaml (2 projects)", stdout.Trim());
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Every_error_of_a_bad_repo_config_is_printed_as_file_line_column_message()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_dir, "repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "iacbot.yaml"), "version: 3\nprojects:\n- dir: .\n  workspace: prod\n  autoplan:\n    enabld: true\n- dir: ../outside\n");

        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, "validate", "repo");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Equal(
            [
                "repo/iacbot.yaml:6:5: `enabld` is not a known key under `autoplan`. Did you mean `enabled`?",
                "repo/iacbot.yaml:7:8: `dir` \"../outside\" must not contain `..`: a project lives inside the repository.",
            ],
            Lines(stderr));
    }

    [Fact]
    public async Task A_checkout_without_a_repo_config_is_valid()
    {
        var (exit, stdout, _) = await IaCBotProcess.RunAsync(_dir, "validate", ".");

        Assert.Equal(0, exit);
        Assert.StartsWith("OK: no iacbot.yaml or atlantis.yaml in .", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_repo_config_and_the_example_server_config_are_accepted_together()
    {
        var root = IaCBotProcess.SolutionRoot();
        File.Copy(Path.Combine(root, "atlantis-like.yaml.example"), Path.Combine(_dir, "atlantis.yaml"));

        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, "validate", _dir, "--server-config", Path.Combine(root, "config", "repos.yaml"));

        Assert.True(exit == 0, stderr);
        Assert.Equal(
            [$"OK: {Path.Combine(root, "config", "repos.yaml")} (2 repo entries)", $"OK: {Path.Combine(_dir, "atlantis.yaml")} (3 projects)"],
            Lines(stdout));
    }

    [Fact]
    public async Task A_key_the_server_does_not_allow_is_refused_at_its_line_with_the_setting_that_would_allow_it()
    {
        Write("repos.yaml", StrictServer);
        Write("atlantis.yaml", "version: 3\nprojects:\n- dir: .\n  apply_requirements: []\n");

        var (exit, _, stderr) = await IaCBotProcess.RunAsync(_dir, "validate", "--server-config", "repos.yaml");

        Assert.Equal(1, exit);
        Assert.Equal(
            "atlantis.yaml:4:3: The server does not let this repository set `apply_requirements`: its repos.yaml would need `allowed_overrides: [apply_requirements]` for this repository (it allows none).",
            stderr.Trim());
    }

    [Fact]
    public async Task The_server_entries_for_the_given_repo_and_branch_decide()
    {
        Write("repos.yaml", StrictServer + "- id: github.com/acme/infra\n  branch: /^main$/\n  allowed_overrides: [apply_requirements]\n");
        Write("atlantis.yaml", "version: 3\nprojects:\n- dir: .\n  apply_requirements: []\n");

        var infraMain = await IaCBotProcess.RunAsync(_dir, "validate", "--server-config", "repos.yaml", "--repo", "github.com/acme/infra");
        var infraDevelop = await IaCBotProcess.RunAsync(_dir, "validate", "--server-config=repos.yaml", "--repo=github.com/acme/infra", "--branch=develop");

        Assert.Equal(0, infraMain.Exit);
        Assert.Equal(1, infraDevelop.Exit);
    }

    [Fact]
    public async Task A_broken_server_config_is_reported_with_its_path_line_and_column()
    {
        Write("repos.yaml", "repos:\n- id: /.*/\n  allowed_overrides: [workflows]\n");

        var (exit, _, stderr) = await IaCBotProcess.RunAsync(_dir, "validate", "--server-config", "repos.yaml");

        Assert.Equal(1, exit);
        Assert.StartsWith("repos.yaml:3:23: `allowed_overrides` holds \"workflows\"", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("one", "two")]
    [InlineData("--server-config")]
    [InlineData("--repo", "not-a-repo-id")]
    [InlineData("missing-dir")]
    [InlineData("--server-config", "missing.yaml")]
    public async Task Bad_usage_exits_with_2_and_says_what_is_wrong(params string[] args)
    {
        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, ["validate", .. args]);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("iacbot validate: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_succeeds()
    {
        var (exit, stdout, _) = await IaCBotProcess.RunAsync(_dir, "validate", "--help");

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: iacbot validate [PATH] [--server-config REPOS_YAML]", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_dir, name), content);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
