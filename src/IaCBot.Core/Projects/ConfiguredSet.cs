using System.Text.RegularExpressions;

namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>
/// The repo config's projects as they stand for one pull request: each glob <c>dir</c> expanded into one entry per
/// matching directory (see <see cref="DirGlob"/>), and each entry marked by whether its <c>branch</c> regex admits
/// the base branch.
/// </summary>
internal sealed class ConfiguredSet
{
    private readonly (ProjectConfig Project, bool Applies)[] entries;
    private readonly HashSet<ProjectConfig> applicable = new(ReferenceEqualityComparer.Instance);

    private ConfiguredSet((ProjectConfig, bool)[] entries, string baseBranch)
    {
        this.entries = entries;
        applicable.UnionWith(Applicable);
        BaseBranch = baseBranch;
    }

    public string BaseBranch { get; }

    /// <summary>Every configured project, whatever its branch; glob entries appear once per directory.</summary>
    public IEnumerable<ProjectConfig> All => entries.Select(e => e.Project);

    /// <summary>The configured projects whose <c>branch</c> regex matches the base branch (or that set none).</summary>
    public IEnumerable<ProjectConfig> Applicable => entries.Where(e => e.Applies).Select(e => e.Project);

    public bool Applies(ProjectConfig project) => applicable.Contains(project);

    public static ConfiguredSet For(RepoConfig config, Checkout checkout, string? baseBranch)
    {
        var branch = baseBranch ?? "";
        var literal = config.Projects.Where(p => !DirGlob.IsGlob(p.Dir)).ToArray();
        var taken = literal.Select(p => p.Key).ToHashSet();
        var expanded = new List<ProjectConfig>();
        foreach (var entry in config.Projects.Where(p => DirGlob.IsGlob(p.Dir)))
        {
            // Atlantis gives expanded projects no name: one name cannot tell several directories apart. A directory and
            // workspace that a literal entry, or an earlier glob, already configures keeps that entry's settings
            // rather than being planned twice.
            expanded.AddRange(DirGlob.Expand(entry.Dir, checkout.Tree)
                .Where(dir => taken.Add(new ProjectKey(dir, entry.Workspace)))
                .Select(dir => entry with { Dir = dir, Name = null }));
        }

        var applies = new Dictionary<Regex, bool>();
        return new ConfiguredSet(
            [.. literal.Concat(expanded).Select(p => (p, Admits(p.Branch, branch, applies)))],
            branch);
    }

    /// <summary>
    /// Whether a <c>branch</c> regex admits <paramref name="baseBranch"/>. With no base branch known, every project
    /// applies, as in Atlantis; a regex that runs out of time admits nothing.
    /// </summary>
    private static bool Admits(Regex? regex, string baseBranch, Dictionary<Regex, bool> known)
    {
        if (regex is null || baseBranch.Length == 0)
        {
            return true;
        }

        if (!known.TryGetValue(regex, out var admits))
        {
            try
            {
                admits = regex.IsMatch(baseBranch);
            }
            catch (RegexMatchTimeoutException)
            {
                admits = false;
            }

            known[regex] = admits;
        }

        return admits;
    }
}
