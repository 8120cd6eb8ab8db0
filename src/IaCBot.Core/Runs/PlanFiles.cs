using IaCBot.Core.Projects;

namespace IaCBot.Core.Runs;

/// <summary>Where a project's plan file lives in its checkout.</summary>
public static class PlanFiles
{
    /// <summary>
    /// The plan file's name in the project's directory. Named projects get their own, since two of them may share
    /// a directory and workspace; the name's slashes are flattened so the file stays in that directory.
    /// </summary>
    public static string FileName(Project project)
    {
        var name = project.Name is null ? "" : project.Name.Replace('/', '_') + "-";
        return $"iacbot-{name}{project.Workspace}.tfplan";
    }

    public static string ProjectDirectory(string checkout, Project project) =>
        project.Dir == "." ? checkout : Path.Combine(checkout, project.Dir);
}
