using IaCBot.Core.Locking;
using IaCBot.Core.Projects;

namespace IaCBot.Core.Comments;

/// <summary>How a comment names a project, and the flags that pick it out in a command.</summary>
internal static class ProjectLabel
{
    public static string Describe(Project project) => Describe(project.Name, project.Dir, project.Workspace);

    public static string Describe(ProjectLock held) => Describe(held.ProjectName, held.Key.Dir, held.Key.Workspace);

    /// <summary>
    /// <c>-p NAME</c> for a named project (a dir and workspace may hold several), else <c>-d DIR</c>, with
    /// <c>-w WS</c> only when the workspace is not the default one, as a user would type it.
    /// </summary>
    public static string Target(Project project)
    {
        if (!string.IsNullOrEmpty(project.Name))
        {
            return $"-p {project.Name}";
        }

        return project.Workspace == ProjectKey.DefaultWorkspace
            ? $"-d {project.Dir}"
            : $"-d {project.Dir} -w {project.Workspace}";
    }

    private static string Describe(string? name, string dir, string workspace)
    {
        var where = $"dir: {MarkdownText.Code(dir)} workspace: {MarkdownText.Code(workspace)}";
        return string.IsNullOrEmpty(name) ? where : $"project: {MarkdownText.Code(name)} {where}";
    }
}
