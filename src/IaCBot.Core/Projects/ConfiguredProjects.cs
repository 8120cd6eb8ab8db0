using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>The projects of a pull request when the repository has a config file.</summary>
internal static class ConfiguredProjects
{
    /// <summary>
    /// Configured projects for the base branch whose <c>when_modified</c> patterns match a changed file, or that call
    /// a changed local module (directly or through other modules, whatever <c>when_modified</c> says), and whose
    /// directory still exists (Atlantis skips a project whose directory the pull request removed); plus, when the
    /// config asks for autodiscovery, changed directories that no configured project covers and no
    /// <c>ignore_paths</c> glob excludes.
    /// </summary>
    public static IEnumerable<Project> Touched(
        RepoConfig config, ConfiguredSet set, ChangedFiles files, Checkout checkout, bool requireAutoplan)
    {
        var callers = new Lazy<IReadOnlySet<string>>(() => CallersOfChangedModules(files, checkout));
        var configured = set.Applicable
            .Where(p => !requireAutoplan || p.Autoplan.Enabled)
            .Where(p => (WhenModifiedMatcher.MatchesAny(p, files) || callers.Value.Contains(p.Dir)) && checkout.DirectoryExists(p.Dir))
            .Select(Project.From);
        return config.DiscoversProjects ? configured.Concat(Discovered(config, set, files, checkout)) : configured;
    }

    /// <summary>
    /// Any changed file of a module counts here, not only terraform files, as in Atlantis, whose module index is asked
    /// about every changed file when the repository has a config: a template or policy a module reads changes it too.
    /// </summary>
    private static IReadOnlySet<string> CallersOfChangedModules(ChangedFiles files, Checkout checkout)
    {
        if (files.All.Count == 0)
        {
            return new HashSet<string>();
        }

        var tree = checkout.Tree;
        return tree.CallersOf(files.All.Select(tree.ModuleContaining).OfType<string>().Distinct(StringComparer.Ordinal));
    }

    private static IEnumerable<Project> Discovered(RepoConfig config, ConfiguredSet set, ChangedFiles files, Checkout checkout)
    {
        // A directory configured only for other base branches is still configured: discovering it would plan what the
        // config restricts.
        var configuredDirs = set.All.Select(p => p.Dir).ToHashSet(StringComparer.Ordinal);
        var ignored = config.AutoDiscover.IgnorePaths
            .Select(p => DoublestarGlob.TryParse(p, out var glob, out _) ? glob : null)
            .OfType<DoublestarGlob>()
            .ToArray();
        return ProjectDiscovery.ChangedDirs(files, checkout)
            .Where(dir => !configuredDirs.Contains(dir) && !ignored.Any(glob => glob.IsMatch(dir)))
            .Select(dir => Project.Discovered(dir, ProjectKey.DefaultWorkspace));
    }
}
