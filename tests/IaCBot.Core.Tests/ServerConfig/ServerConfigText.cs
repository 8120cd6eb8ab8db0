using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.ServerConfig;

// Inside the namespace, so that these names are the types rather than namespaces.
using RepoConfig = IaCBot.Core.RepoConfig.RepoConfig;
using ServerConfig = IaCBot.Core.ServerConfig.ServerConfig;

/// <summary>Parses server and repo config text in tests and unwraps the expected outcome.</summary>
internal static class ServerConfigText
{
    public const string FileName = "repos.yaml";

    public const string RepoFileName = "atlantis.yaml";

    public static RepoId Infra { get; } = new("github.com", "acme", "infra");

    public static ServerConfig Valid(string yaml)
    {
        var result = ServerConfigParser.Parse(yaml, FileName);
        if (result is ServerConfigParseResult.Invalid invalid)
        {
            Assert.Fail("Expected a valid server config, got:\n" + string.Join('\n', invalid.Errors));
        }

        return Assert.IsType<ServerConfigParseResult.Loaded>(result).Config;
    }

    public static IReadOnlyList<ConfigError> Errors(string yaml) =>
        Assert.IsType<ServerConfigParseResult.Invalid>(ServerConfigParser.Parse(yaml, FileName)).Errors;

    /// <summary>The single error of an invalid server config, failing when there is none or several.</summary>
    public static ConfigError Error(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, "Expected one error, got:\n" + string.Join('\n', errors));
        return errors[0];
    }

    /// <summary>The policy for github.com/acme/infra into main under the given server config.</summary>
    public static ServerRepoPolicy PolicyFor(string serverYaml) => Valid(serverYaml).For(Infra, "main");

    /// <summary>A repo config parsed the way the server reads it: naming the server's workflows is allowed.</summary>
    public static RepoConfig Repo(ServerRepoPolicy policy, string yaml)
    {
        var result = RepoConfigParser.Parse(yaml, RepoFileName, policy.RepoParseOptions);
        if (result is RepoConfigLoadResult.Invalid invalid)
        {
            Assert.Fail("Expected a valid repo config, got:\n" + string.Join('\n', invalid.Errors));
        }

        return Assert.IsType<RepoConfigLoadResult.Loaded>(result).Config;
    }

    public static EffectiveConfig Allowed(ServerRepoPolicy policy, string repoYaml)
    {
        var result = policy.Apply(Repo(policy, repoYaml), RepoFileName);
        if (result is PolicyResult.Refused refused)
        {
            Assert.Fail("Expected the repo config to be allowed, got:\n" + string.Join('\n', refused.Errors));
        }

        return Assert.IsType<PolicyResult.Allowed>(result).Config;
    }

    public static IReadOnlyList<ConfigError> Refused(ServerRepoPolicy policy, string repoYaml) =>
        Assert.IsType<PolicyResult.Refused>(policy.Apply(Repo(policy, repoYaml), RepoFileName)).Errors;

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "config", name));
}
