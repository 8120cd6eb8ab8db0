using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.Tests.RepoConfig;

// Inside the namespace, so that RepoConfig names the type rather than a namespace.
using RepoConfig = IaCBot.Core.RepoConfig.RepoConfig;

/// <summary>Parses config text in tests and unwraps the expected outcome.</summary>
internal static class ConfigText
{
    public const string FileName = "atlantis.yaml";

    public static RepoConfig Valid(string yaml)
    {
        var result = RepoConfigParser.Parse(yaml, FileName);
        if (result is RepoConfigLoadResult.Invalid invalid)
        {
            Assert.Fail("Expected a valid config, got:\n" + string.Join('\n', invalid.Errors));
        }

        return Assert.IsType<RepoConfigLoadResult.Loaded>(result).Config;
    }

    public static IReadOnlyList<ConfigError> Errors(string yaml) =>
        Assert.IsType<RepoConfigLoadResult.Invalid>(RepoConfigParser.Parse(yaml, FileName)).Errors;

    /// <summary>The single error of an invalid config, failing when there is none or several.</summary>
    public static ConfigError Error(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, "Expected one error, got:\n" + string.Join('\n', errors));
        return errors[0];
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "config", name));
}
