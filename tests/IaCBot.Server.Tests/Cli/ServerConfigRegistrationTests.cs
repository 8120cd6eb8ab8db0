using IaCBot.Core.ServerConfig;
using IaCBot.Core.Vcs;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Cli;

/// <summary>The parsed repos.yaml is what the running server hands to whoever asks for the repo policies.</summary>
public sealed class ServerConfigRegistrationTests : ServerTest
{
    // Read when the app starts, so the file can live in the test's data_dir and go with it.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["server:repo_config"] = WriteReposYaml(DataDir),
    };

    [Fact]
    public void The_server_uses_the_policies_of_its_repo_config()
    {
        var config = App.Services.GetRequiredService<ServerConfig>();

        var policy = config.For(new RepoId("github.com", "acme", "infra"), "main");

        Assert.Equal(["approved"], policy.ApplyRequirements);
        Assert.Equal(["workflow"], policy.AllowedOverrides);
    }

    private static string WriteReposYaml(string dir)
    {
        var path = Path.Combine(dir, "repos.yaml");
        File.WriteAllText(path, "repos:\n- id: github.com/acme/infra\n  apply_requirements: [approved]\n  allowed_overrides: [workflow]\n");
        return path;
    }
}
