using IaCBot.Server.Tests.Cli;

namespace IaCBot.Server.Tests.Configuration;

/// <summary>Mistakes in who-may-do-what settings stop start-up, each named by its key, before any comment is read.</summary>
public sealed class AccessSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-access-settings-").FullName;

    [Fact]
    public async Task Bad_command_permissions_deny_extra_args_and_a_short_api_secret_are_each_named()
    {
        var config = Path.Combine(_dir, "iacbot.yaml");
        File.WriteAllText(config, $"""
            server:
              data_dir: {_dir}/data
              repo_allowlist: ['*']
              allow_fork_prs: false
              command_permissions:
                apply: [alice, "@acme/"]
                aply: [bob]
                unlock: "carol,@acme/platform"
              deny_extra_args: [-lock, "-refresh=false"]
            github:
              token: x
            api:
              secret: short
            """);

        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, ["--config", config]);

        var output = stdout + stderr;
        Assert.Equal(2, exit);
        Assert.Contains("server:command_permissions:apply: '@acme/' is neither a login (alice) nor a team (@acme/platform).", output, StringComparison.Ordinal);
        Assert.Contains("server:command_permissions:aply: not a command whose use can be limited", output, StringComparison.Ordinal);
        Assert.DoesNotContain("command_permissions:unlock", output, StringComparison.Ordinal);
        Assert.Contains("server:deny_extra_args: '-refresh=false' is not a terraform flag", output, StringComparison.Ordinal);
        Assert.Contains("api:secret must be at least 16 characters long", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_settings_file_passes_the_start_up_check()
    {
        var example = Path.Combine(IaCBotProcess.SolutionRoot(), "config", "iacbot.yaml");

        // No token in the example: start-up still stops, so the test ends, but only over the token.
        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, ["--config", example]);

        Assert.Equal(2, exit);
        Assert.Equal(
            "iacbot: the settings are not valid:\n  - github:token is required: a token of the bot's GitHub user with the repo scope "
            + "(or github:app_id and github:app_key_file to act as a GitHub App).",
            (stdout + stderr).Trim());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
