namespace IaCBot.Core.Projects;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>Why a comment naming projects that a <c>branch</c> regex rules out for this pull request gets none.</summary>
internal static class BranchMismatch
{
    public static string Describe(IReadOnlyList<ProjectConfig> projects, string baseBranch)
    {
        var regexes = string.Join(" or ", projects.Select(p => $"/{p.Branch}/").Distinct(StringComparer.Ordinal));
        var subject = projects.Count == 1 ? Name(projects[0]) + " only applies" : $"The projects in \"{projects[0].Dir}\" only apply";
        return $"{subject} to pull requests into branches matching {regexes}, and this pull request goes into \"{baseBranch}\".";
    }

    private static string Name(ProjectConfig project) => project.Name is { } name
        ? $"The project \"{name}\""
        : $"The project in \"{project.Dir}\" (workspace {project.Workspace})";
}
