using IaCBot.Server.Tests.Cli;

namespace IaCBot.Server.Tests.Configuration;

/// <summary>
/// storage: settings set up wrongly stop start-up with the key named and the connection string's password never
/// shown.
/// </summary>
public sealed class StorageSettingsTests : IDisposable
{
    private const string Password = "hunter2-database-password";
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-storage-settings-").FullName;

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused()
    {
        var (exit, output) = await StartAsync("storage:\n  provider: postgres\n");

        Assert.Equal(2, exit);
        Assert.Contains("storage:connection_string is required with storage:provider postgres", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_is_named()
    {
        var (exit, output) = await StartAsync("storage:\n  provider: mysql\n");

        Assert.Equal(2, exit);
        Assert.Contains("storage:provider must be 'litedb'", output, StringComparison.Ordinal);
        Assert.Contains("not 'mysql'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_that_cannot_be_read_is_refused_without_quoting_it()
    {
        var (exit, output) = await StartAsync($"storage:\n  provider: postgres\n  connection_string: 'Host=db;Pasword={Password}'\n");

        Assert.Equal(2, exit);
        Assert.Contains("storage:connection_string cannot be read", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_stops_start_up_naming_the_server_but_not_the_password()
    {
        var (exit, output) = await StartAsync(
            $"storage:\n  provider: postgres\n  connection_string: 'Host=127.0.0.1;Port=1;Database=iacbot;Username=iacbot;Password={Password}'\n");

        Assert.Equal(2, exit);
        Assert.Contains("storage:connection_string: the PostgreSQL database 127.0.0.1:1/iacbot cannot be used", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Exit, string Output)> StartAsync(string storage)
    {
        var config = Path.Combine(_dir, "iacbot.yaml");
        File.WriteAllText(config, $"server:\n  repo_allowlist: ['*']\n  data_dir: {Path.Combine(_dir, "data")}\ngithub:\n  token: x\n{storage}");
        var (exit, stdout, stderr) = await IaCBotProcess.RunAsync(_dir, ["--config", config, "--urls", "http://127.0.0.1:0"]);
        return (exit, stdout + stderr);
    }
}
