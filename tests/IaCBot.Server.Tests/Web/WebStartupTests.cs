using IaCBot.Server.Tests.Cli;

namespace IaCBot.Server.Tests.Web;

/// <summary>The real executable, told to listen beyond loopback.</summary>
public sealed class WebStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-web-startup-").FullName;

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    public async Task Listening_beyond_loopback_without_web_authentication_stops_the_start_with_a_clear_error(string url)
    {
        var config = Path.Combine(_dir, "iacbot.yaml");
        await File.WriteAllTextAsync(config, $"server:\n  data_dir: {_dir}/data\n  repo_allowlist: ['github.com/acme/*']\ngithub:\n  token: x\n");

        var (exit, _, stderr) = await IaCBotProcess.RunAsync(_dir, "--urls", url, "--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("listens beyond loopback", stderr, StringComparison.Ordinal);
        Assert.Contains("set web:username and web:password, or web:token", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
