using IaCBot.Core.Commands;

namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>Which projects a pull request touches, and which ones a comment command targets.</summary>
public static class ProjectFinder
{
    /// <summary>
    /// The projects to plan automatically for <paramref name="changedFiles"/> (repo-relative paths):
    /// without a config, each changed directory that holds terraform; with one, each configured project with
    /// autoplan enabled whose <c>when_modified</c> patterns match. Ordered by directory, then workspace.
    /// </summary>
    public static IReadOnlyList<Project> FindForChanges(IReadOnlyList<string> changedFiles, RepoConfig? config, string repoRoot) =>
        Find(changedFiles, config, repoRoot, requireAutoplan: true);

    /// <summary>
    /// The projects a comment command targets. Without <c>-d</c>, <c>-w</c> or <c>-p</c>, the projects the pull
    /// request touches, even those with autoplan disabled (a comment plan is an explicit request).
    /// </summary>
    public static ProjectSelection Select(CommentCommand command, IReadOnlyList<string> changedFiles, RepoConfig? config, string repoRoot)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.TargetsAll)
        {
            return new ProjectSelection.Selected(Find(changedFiles, config, repoRoot, requireAutoplan: false));
        }

        return command.Project is { } name
            ? CommentTargets.ByName(command, name, config)
            : CommentTargets.ByDir(command, config, new Checkout(repoRoot));
    }

    internal static IReadOnlyList<Project> Find(IReadOnlyList<string> changedFiles, RepoConfig? config, string repoRoot, bool requireAutoplan)
    {
        ArgumentNullException.ThrowIfNull(changedFiles);
        var files = new ChangedFiles(changedFiles);
        var checkout = new Checkout(repoRoot);
        var projects = config is null
            ? ProjectDiscovery.ChangedDirs(files, checkout).Select(dir => Project.Discovered(dir, ProjectKey.DefaultWorkspace))
            : ConfiguredProjects.Touched(config, files, checkout, requireAutoplan);
        return InOrder(projects);
    }

    internal static IReadOnlyList<Project> InOrder(IEnumerable<Project> projects) => projects
        .OrderBy(p => p.Dir, StringComparer.Ordinal)
        .ThenBy(p => p.Workspace, StringComparer.Ordinal)
        .ThenBy(p => p.Name, StringComparer.Ordinal)
        .ToArray();
}
