using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>The projects of a pull request when the repository has a config file.</summary>
internal static class ConfiguredProjects
{
    /// <summary>
    /// Configured projects whose <c>when_modified</c> patterns match a changed file and whose directory still exists
    /// (Atlantis skips a project whose directory the pull request removed), plus, when the config asks for
    /// autodiscovery, changed directories that no configured project covers and no <c>ignore_paths</c> glob excludes.
    /// </summary>
    public static IEnumerable<Project> Touched(RepoConfig config, ChangedFiles files, Checkout checkout, bool requireAutoplan)
    {
        var configured = config.Projects
            .Where(p => !requireAutoplan || p.Autoplan.Enabled)
            .Where(p => WhenModifiedMatcher.For(p).MatchesAny(files) && checkout.DirectoryExists(p.Dir))
            .Select(Project.From);
        return config.DiscoversProjects ? configured.Concat(Discovered(config, files, checkout)) : configured;
    }

    private static IEnumerable<Project> Discovered(RepoConfig config, ChangedFiles files, Checkout checkout)
    {
        var configuredDirs = config.Projects.Select(p => p.Dir).ToHashSet(StringComparer.Ordinal);
        var ignored = config.AutoDiscover.IgnorePaths
            .Select(p => DoublestarGlob.TryParse(p, out var glob, out _) ? glob : null)
            .OfType<DoublestarGlob>()
            .ToArray();
        return ProjectDiscovery.ChangedDirs(files, checkout)
            .Where(dir => !configuredDirs.Contains(dir) && !ignored.Any(glob => glob.IsMatch(dir)))
            .Select(dir => Project.Discovered(dir, ProjectKey.DefaultWorkspace));
    }
}
