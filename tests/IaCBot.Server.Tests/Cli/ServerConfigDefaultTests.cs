using IaCBot.Core.ServerConfig;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Cli;

/// <summary>Without `server:repo_config` the server runs with Atlantis' built-in policy.</summary>
public sealed class ServerConfigDefaultTests : ServerTest
{
    [Fact]
    public void Without_a_repo_config_the_server_uses_atlantis_defaults()
    {
        Assert.Same(ServerConfig.Default, App.Services.GetRequiredService<ServerConfig>());
    }
}
