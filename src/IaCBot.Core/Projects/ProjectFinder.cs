using IaCBot.Core.Commands;
using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>Which projects a pull request touches, and which ones a comment command targets.</summary>
public static class ProjectFinder
{
    /// <summary>
    /// The projects to plan automatically for <paramref name="changedFiles"/> (repo-relative paths) of a pull request
    /// into <paramref name="baseBranch"/>: without a config, each changed directory that holds terraform and each
    /// directory calling a changed local module (see <see cref="ProjectDiscovery"/>); with one, each configured
    /// project with autoplan enabled, whose <c>branch</c> regex admits the base branch, and whose <c>when_modified</c>
    /// patterns match or whose directory calls a changed local module. Ordered by directory, then workspace.
    /// </summary>
    public static IReadOnlyList<Project> FindForChanges(
        IReadOnlyList<string> changedFiles, RepoConfig? config, string repoRoot, string baseBranch) =>
        Find(changedFiles, config, repoRoot, baseBranch, requireAutoplan: true);

    /// <summary>
    /// The projects a comment command targets. Without <c>-d</c>, <c>-w</c> or <c>-p</c>, the projects the pull
    /// request touches, even those with autoplan disabled (a comment plan is an explicit request). A project whose
    /// <c>branch</c> regex does not admit <paramref name="baseBranch"/> is never selected; naming one is an error.
    /// </summary>
    public static ProjectSelection Select(
        CommentCommand command, IReadOnlyList<string> changedFiles, RepoConfig? config, string repoRoot, string baseBranch)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.TargetsAll)
        {
            return new ProjectSelection.Selected(Find(changedFiles, config, repoRoot, baseBranch, requireAutoplan: false));
        }

        var checkout = new Checkout(repoRoot);
        ConfiguredSet? set = null;
        ConfiguredSet Configured() => set ??= ConfiguredSet.For(config!, checkout, baseBranch);
        return command.Project is { } name
            ? CommentTargets.ByName(command, name, config, Configured)
            : CommentTargets.ByDir(command, config, Configured, checkout);
    }

    /// <summary>
    /// The variables file Atlantis passes to <c>plan</c> on its own: <c>-var-file env/&lt;workspace&gt;.tfvars</c>
    /// (relative to the project directory, where terraform runs) when that file exists; otherwise nothing.
    /// </summary>
    public static IReadOnlyList<string> AutoVarFiles(string repoRoot, Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var workspace = project.Workspace;
        if (workspace.Length == 0 || workspace.Contains('/') || workspace.Contains('\\') || workspace.Contains("..", StringComparison.Ordinal))
        {
            return [];
        }

        var projectDir = project.Dir == RepoPath.Root ? repoRoot : Path.Combine(repoRoot, project.Dir);
        return File.Exists(Path.Combine(projectDir, "env", workspace + ".tfvars")) ? ["-var-file", $"env/{workspace}.tfvars"] : [];
    }

    internal static IReadOnlyList<Project> Find(
        IReadOnlyList<string> changedFiles, RepoConfig? config, string repoRoot, string baseBranch, bool requireAutoplan)
    {
        ArgumentNullException.ThrowIfNull(changedFiles);
        var files = new ChangedFiles(changedFiles);
        var checkout = new Checkout(repoRoot);
        var projects = config is null
            ? ProjectDiscovery.ChangedDirs(files, checkout).Select(dir => Project.Discovered(dir, ProjectKey.DefaultWorkspace))
            : ConfiguredProjects.Touched(config, ConfiguredSet.For(config, checkout, baseBranch), files, checkout, requireAutoplan);
        return InOrder(projects);
    }

    internal static IReadOnlyList<Project> InOrder(IEnumerable<Project> projects) => projects
        .OrderBy(p => p.Dir, StringComparer.Ordinal)
        .ThenBy(p => p.Workspace, StringComparer.Ordinal)
        .ThenBy(p => p.Name, StringComparer.Ordinal)
        .ToArray();
}
