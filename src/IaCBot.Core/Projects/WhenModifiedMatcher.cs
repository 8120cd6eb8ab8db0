using System.Runtime.CompilerServices;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

/// <summary>
/// A project's <c>when_modified</c> patterns as Atlantis applies them: each is joined to the project's directory
/// (so <c>../modules/**/*.tf</c> climbs out of it), a file matches when it or one of its parent directories
/// matches, and the patterns are applied in order with <c>!</c> exclusions undoing earlier matches, like a
/// <c>.dockerignore</c>.
/// </summary>
internal sealed class WhenModifiedMatcher
{
    // A config is read once per pull request event but matched for autoplan, comment plans and apply checks.
    private static readonly ConditionalWeakTable<ProjectConfig, WhenModifiedMatcher> Compiled = new();

    private readonly (DockerIgnoreGlob Glob, bool Exclusion)[] patterns;

    private WhenModifiedMatcher((DockerIgnoreGlob, bool)[] patterns) => this.patterns = patterns;

    public static WhenModifiedMatcher For(ProjectConfig project) => Compiled.GetValue(project, Compile);

    /// <summary>
    /// Whether a changed file matches the project's patterns. Compiling patterns costs far more than looking up their
    /// literal prefix among the changed files, and in a large repository most projects have no changed file under any
    /// prefix: only the others are compiled.
    /// </summary>
    public static bool MatchesAny(ProjectConfig project, ChangedFiles files) =>
        MayMatchAny(project, files) && For(project).MatchesAny(files);

    private static bool MayMatchAny(ProjectConfig project, ChangedFiles files)
    {
        foreach (var raw in project.Autoplan.WhenModified)
        {
            var pattern = raw.Trim();
            if (pattern.StartsWith('!'))
            {
                continue;
            }

            var joined = RepoPath.Join(project.Dir, pattern);
            var special = joined.AsSpan().IndexOfAny(@"*?[\");
            if (files.StartingWith(special < 0 ? joined : joined[..special]).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static WhenModifiedMatcher Compile(ProjectConfig project)
    {
        var compiled = new List<(DockerIgnoreGlob, bool)>();
        foreach (var raw in project.Autoplan.WhenModified)
        {
            var pattern = raw.Trim();
            var exclusion = pattern.StartsWith('!');
            var joined = RepoPath.Join(project.Dir, exclusion ? pattern[1..] : pattern);
            if (DockerIgnoreGlob.TryParse(joined, out var glob, out _))
            {
                compiled.Add((glob!, exclusion));
            }
        }

        return new WhenModifiedMatcher([.. compiled]);
    }

    public bool MatchesAny(ChangedFiles files)
    {
        foreach (var (glob, exclusion) in patterns)
        {
            if (exclusion)
            {
                continue;
            }

            foreach (var file in files.StartingWith(glob.LiteralPrefix))
            {
                if (Matches(file))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool Matches(string file)
    {
        var matched = false;
        foreach (var (glob, exclusion) in patterns)
        {
            if (exclusion == matched && file.StartsWith(glob.LiteralPrefix, StringComparison.Ordinal) && MatchesOrParentMatches(glob, file))
            {
                matched = !exclusion;
            }
        }

        return matched;
    }

    private static bool MatchesOrParentMatches(DockerIgnoreGlob glob, string file)
    {
        if (glob.IsMatch(file))
        {
            return true;
        }

        for (var slash = file.IndexOf('/'); slash > 0; slash = file.IndexOf('/', slash + 1))
        {
            if (glob.IsMatch(file.AsSpan(0, slash)))
            {
                return true;
            }
        }

        return false;
    }
}
