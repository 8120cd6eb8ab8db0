using System.Security.Cryptography;
using IaCBot.Server.Tests.Cli;

namespace IaCBot.Server.Tests.Configuration;

/// <summary>A GitHub App set up wrongly stops start-up with each mistake named by its key, and never shows the key.</summary>
public sealed class GitHubAppSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-app-settings-").FullName;

    [Fact]
    public async Task A_key_file_that_holds_no_RSA_private_key_a_bad_app_id_and_a_leftover_token_are_each_named()
    {
        var keyFile = Path.Combine(_dir, "app.pem");
        using (var key = RSA.Create(2048))
        {
            File.WriteAllText(keyFile, key.ExportSubjectPublicKeyInfoPem());
        }

        var (exit, output) = await StartAsync($"""
            github:
              token: ghp_leftover
              app_id: my-app
              app_key_file: {keyFile}
              installation_id: first
            """);

        Assert.Equal(2, exit);
        Assert.Contains("github:token and github:app_id are both set", output, StringComparison.Ordinal);
        Assert.Contains("github:app_id must be the GitHub App's number", output, StringComparison.Ordinal);
        Assert.Contains($"github:app_key_file '{keyFile}' holds no RSA private key in PEM form", output, StringComparison.Ordinal);
        Assert.Contains("github:installation_id must be a number", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MII", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_file_is_named()
    {
        var (exit, output) = await StartAsync($"""
            github:
              app_id: 4242
              app_key_file: {_dir}/nope.pem
            """);

        Assert.Equal(2, exit);
        Assert.Contains($"github:app_key_file '{_dir}/nope.pem' does not exist.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("github:token is required", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Exit, string Output)> StartAsync(string github)
    {
        var config = Path.Combine(_dir, "iacbot.yaml");
        File.WriteAllText(config, $"server:\n  data_dir: {_dir}/data\n  repo_allowlist: ['*']\n{github}\n");
        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, ["--config", config]);
        return (exit, stdout + stderr);
    }
}
