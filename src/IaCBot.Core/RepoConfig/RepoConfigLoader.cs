using System.Text;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig;

/// <summary>
/// Finds the repo config file at the root of a checkout (<c>iacbot.yaml</c>, else <c>atlantis.yaml</c>) and reads it.
/// </summary>
public static class RepoConfigLoader
{
    public const string IaCBotFileName = "iacbot.yaml";

    public const string AtlantisFileName = "atlantis.yaml";

    public static RepoConfigLoadResult Load(string repoRoot) => Load(repoRoot, RepoConfigParseOptions.Default);

    public static RepoConfigLoadResult Load(string repoRoot, RepoConfigParseOptions options)
    {
        foreach (var fileName in new[] { IaCBotFileName, AtlantisFileName })
        {
            var wrongExtension = Path.ChangeExtension(fileName, ".yml");
            if (File.Exists(Path.Combine(repoRoot, fileName)))
            {
                return Read(repoRoot, fileName, options);
            }

            if (File.Exists(Path.Combine(repoRoot, wrongExtension)))
            {
                return Single(wrongExtension, $"IaCBot reads `{fileName}`, not `{wrongExtension}`: rename the file to `{fileName}`.");
            }
        }

        return new RepoConfigLoadResult.NotFound();
    }

    /// <summary>Reads <paramref name="fileName"/> (relative to the checkout) when it is known to exist, as for a server-set <c>repo_config_file</c>.</summary>
    internal static RepoConfigLoadResult Read(string repoRoot, string fileName, RepoConfigParseOptions options)
    {
        var file = new FileInfo(Path.Combine(repoRoot, fileName));

        // The checkout comes from a pull request: a link could point at a file outside it, whose text errors would echo.
        if (file.LinkTarget is not null)
        {
            return Single(fileName, "The file is a symbolic link; IaCBot reads only a regular file here.");
        }

        if (file.Length > YamlLimits.MaxBytes)
        {
            return RepoConfigParser.TooLarge(fileName);
        }

        var text = File.ReadAllText(file.FullName, Encoding.UTF8);
        return RepoConfigParser.Parse(text, fileName, options);
    }

    private static RepoConfigLoadResult.Invalid Single(string fileName, string message) =>
        new(fileName, [new ConfigError(fileName, 1, 1, message)]);
}
