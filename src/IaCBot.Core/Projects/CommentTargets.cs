using IaCBot.Core.Commands;
using IaCBot.Core.RepoConfig.Paths;
using IaCBot.Core.RepoConfig.Reading;

namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>Resolves the <c>-p NAME</c> and <c>-d DIR [-w WORKSPACE]</c> flags of a comment command to projects.</summary>
internal static class CommentTargets
{
    public static ProjectSelection ByName(CommentCommand command, string name, RepoConfig? config, Func<ConfiguredSet> configured)
    {
        if (config is null)
        {
            return Fail($"There is no project named \"{name}\": projects get names in iacbot.yaml or atlantis.yaml, and this repository has neither. Use `{command.CommandName} {Verb(command)} -d <dir>` instead.");
        }

        var set = configured();
        var named = set.All.Where(p => p.Name == name).ToArray();
        if (named.Length > 0)
        {
            var match = named.Where(set.Applies).Select(Project.From).ToArray();
            return match.Length > 0 ? new ProjectSelection.Selected(match) : Fail(BranchMismatch.Describe(named, set.BaseBranch));
        }

        if (config.Projects.FirstOrDefault(p => p.Name == name && DirGlob.IsGlob(p.Dir)) is { } glob)
        {
            return Fail($"The project \"{name}\" has the glob dir `{glob.Dir}`, so the projects it stands for have no name (as in Atlantis). Use `-d <dir>` to pick one.");
        }

        var names = config.Projects.Where(p => !DirGlob.IsGlob(p.Dir)).Select(p => p.Name).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        return Fail(names.Length == 0
            ? $"There is no project named \"{name}\": no project in the config has a name. Use `-d <dir>` instead, or add `name:` to the project."
            : $"There is no project named \"{name}\".{KeySuggestion.DidYouMean(name, names)} Known project names: {ScalarValues.Join(names)}.");
    }

    /// <summary>
    /// The configured projects in the directory (<c>.</c> when only <c>-w</c> is given, as in Atlantis), narrowed to
    /// the workspace when one is given; an unconfigured directory becomes a project of its own if it holds terraform.
    /// </summary>
    public static ProjectSelection ByDir(CommentCommand command, RepoConfig? config, Func<ConfiguredSet> configured, Checkout checkout)
    {
        if (!RepoPath.TryNormalizeDir(command.Dir ?? RepoPath.Root, out var dir, out _))
        {
            return Fail($"The directory \"{command.Dir}\" must be inside the repository, relative to its root.");
        }

        var workspace = command.Workspace;
        if (workspace is not null && !IsWorkspaceName(workspace))
        {
            return Fail($"The workspace \"{workspace}\" may only use letters, digits, `-`, `_` and `.`.");
        }

        var set = config is null ? null : configured();
        var inDir = set?.All.Where(p => p.Dir == dir).ToArray() ?? [];
        if (set is not null && inDir.Length > 0)
        {
            return Configured(dir, workspace, inDir, set);
        }

        return AdHoc(dir, workspace ?? ProjectKey.DefaultWorkspace, checkout);
    }

    private static ProjectSelection Configured(string dir, string? workspace, IReadOnlyList<ProjectConfig> inDir, ConfiguredSet set)
    {
        var inWorkspace = inDir.Where(p => workspace is null || p.Workspace == workspace).ToArray();
        if (inWorkspace.Length == 0)
        {
            var configured = ScalarValues.Join(inDir.Select(p => p.Workspace).Distinct().Order(StringComparer.Ordinal));
            return Fail($"The directory \"{dir}\" is configured only for the workspaces {configured}, not \"{workspace}\"; check the `-w` value.");
        }

        var match = inWorkspace.Where(set.Applies).Select(Project.From).ToArray();
        return match.Length > 0
            ? new ProjectSelection.Selected(ProjectFinder.InOrder(match))
            : Fail(BranchMismatch.Describe(inWorkspace, set.BaseBranch));
    }

    private static ProjectSelection AdHoc(string dir, string workspace, Checkout checkout)
    {
        if (!checkout.DirectoryExists(dir))
        {
            return Fail($"The directory \"{dir}\" does not exist in this pull request.");
        }

        if (!checkout.HoldsTerraform(dir, []))
        {
            return Fail($"The directory \"{dir}\" holds no terraform files (*.tf or *.tf.json), so there is nothing to run there.");
        }

        return new ProjectSelection.Selected([Project.Discovered(dir, workspace)]);
    }

    private static bool IsWorkspaceName(string workspace) =>
        workspace.Length > 0
        && workspace.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !workspace.Contains("..", StringComparison.Ordinal);

    private static string Verb(CommentCommand command) => command.Kind.ToString().ToLowerInvariant();

    private static ProjectSelection.Error Fail(string message) => new(message);
}
