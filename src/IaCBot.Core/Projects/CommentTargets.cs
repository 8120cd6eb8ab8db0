using IaCBot.Core.Commands;
using IaCBot.Core.RepoConfig.Paths;
using IaCBot.Core.RepoConfig.Reading;

namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>Resolves the <c>-p NAME</c> and <c>-d DIR [-w WORKSPACE]</c> flags of a comment command to projects.</summary>
internal static class CommentTargets
{
    public static ProjectSelection ByName(CommentCommand command, string name, RepoConfig? config)
    {
        if (config is null)
        {
            return Fail($"There is no project named \"{name}\": projects get names in iacbot.yaml or atlantis.yaml, and this repository has neither. Use `{command.CommandName} {Verb(command)} -d <dir>` instead.");
        }

        var match = config.Projects.Where(p => p.Name == name).Select(Project.From).ToArray();
        if (match.Length > 0)
        {
            return new ProjectSelection.Selected(match);
        }

        var names = config.Projects.Select(p => p.Name).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        return Fail(names.Length == 0
            ? $"There is no project named \"{name}\": no project in the config has a name. Use `-d <dir>` instead, or add `name:` to the project."
            : $"There is no project named \"{name}\".{KeySuggestion.DidYouMean(name, names)} Known project names: {ScalarValues.Join(names)}.");
    }

    /// <summary>
    /// The configured projects in the directory (<c>.</c> when only <c>-w</c> is given, as in Atlantis), narrowed to
    /// the workspace when one is given; an unconfigured directory becomes a project of its own if it holds terraform.
    /// </summary>
    public static ProjectSelection ByDir(CommentCommand command, RepoConfig? config, Checkout checkout)
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

        var inDir = config?.Projects.Where(p => p.Dir == dir).ToArray() ?? [];
        if (inDir.Length > 0)
        {
            return Configured(dir, workspace, inDir);
        }

        return AdHoc(dir, workspace ?? ProjectKey.DefaultWorkspace, checkout);
    }

    private static ProjectSelection Configured(string dir, string? workspace, IReadOnlyList<ProjectConfig> inDir)
    {
        var match = inDir.Where(p => workspace is null || p.Workspace == workspace).Select(Project.From).ToArray();
        if (match.Length > 0)
        {
            return new ProjectSelection.Selected(ProjectFinder.InOrder(match));
        }

        var configured = ScalarValues.Join(inDir.Select(p => p.Workspace).Distinct().Order(StringComparer.Ordinal));
        return Fail($"The directory \"{dir}\" is configured only for the workspaces {configured}, not \"{workspace}\"; check the `-w` value.");
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
