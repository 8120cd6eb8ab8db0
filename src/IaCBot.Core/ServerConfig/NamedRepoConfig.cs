using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

/// <summary>Reads the repo config file a server entry names with <c>repo_config_file</c> instead of the usual names.</summary>
internal static class NamedRepoConfig
{
    /// <param name="fileName">Relative, <c>/</c>-separated and without <c>..</c>: the server config reader made sure.</param>
    public static RepoConfigLoadResult Load(string repoRoot, string fileName, RepoConfigParseOptions options)
    {
        // A directory on the way could be a link out of the checkout, which a pull request controls.
        var path = repoRoot;
        var segments = fileName.Split('/');
        foreach (var directory in segments[..^1])
        {
            path = Path.Combine(path, directory);
            if (new DirectoryInfo(path).LinkTarget is not null)
            {
                return new RepoConfigLoadResult.Invalid(fileName,
                [
                    new ConfigError(fileName, 1, 1, $"The directory `{directory}` on the way to this file is a symbolic link; IaCBot reads the repo config only through regular directories."),
                ]);
            }
        }

        return File.Exists(Path.Combine(repoRoot, fileName))
            ? RepoConfigLoader.Read(repoRoot, fileName, options)
            : new RepoConfigLoadResult.NotFound();
    }
}
