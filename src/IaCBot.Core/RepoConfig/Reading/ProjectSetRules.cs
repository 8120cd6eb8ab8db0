namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Checks that need all projects at once: unique names, names where dir and workspace repeat, references.</summary>
internal static class ProjectSetRules
{
    public static void Check(IReadOnlyList<ProjectEntry> projects, IReadOnlySet<string> workflowNames, ErrorSink errors)
    {
        UniqueNames(projects, errors);
        NamedWhenSharingDirAndWorkspace(projects, errors);
        KnownWorkflows(projects, workflowNames, errors);
        KnownDependencies(projects, errors);
    }

    private static void UniqueNames(IReadOnlyList<ProjectEntry> projects, ErrorSink errors)
    {
        var firstByName = new Dictionary<string, ProjectEntry>(StringComparer.Ordinal);
        foreach (var project in projects.Where(p => p.Config.Name is not null))
        {
            if (!firstByName.TryAdd(project.Config.Name!, project))
            {
                errors.At(project.NameNode!,
                    $"Another project is already named \"{project.Config.Name}\" (line {firstByName[project.Config.Name!].Node.Line}); project names must be unique.");
            }
        }
    }

    private static void NamedWhenSharingDirAndWorkspace(IReadOnlyList<ProjectEntry> projects, ErrorSink errors)
    {
        var groups = projects.GroupBy(p => p.Config.Key).Where(g => g.Count() > 1 && g.Any(p => p.Config.Name is null));
        foreach (var group in groups)
        {
            var lines = string.Join(", ", group.Select(p => p.Node.Line));
            var firstUnnamed = group.First(p => p.Config.Name is null);
            errors.At(firstUnnamed.Node,
                $"The projects on lines {lines} all use dir \"{group.Key.Dir}\" and workspace \"{group.Key.Workspace}\"; give each of them a `name:` so that commands can tell them apart.");
        }
    }

    private static void KnownWorkflows(IReadOnlyList<ProjectEntry> projects, IReadOnlySet<string> workflowNames, ErrorSink errors)
    {
        foreach (var project in projects.Where(p => p.WorkflowNode is not null && !workflowNames.Contains(p.Config.Workflow!)))
        {
            var defined = workflowNames.Count == 0 ? "none is defined" : $"defined: {ScalarValues.Join(workflowNames.Order(StringComparer.Ordinal))}";
            errors.At(project.WorkflowNode!,
                $"`workflow: {project.Config.Workflow}` names no workflow of this file or the server ({defined}).{KeySuggestion.DidYouMean(project.Config.Workflow!, workflowNames)}");
        }
    }

    private static void KnownDependencies(IReadOnlyList<ProjectEntry> projects, ErrorSink errors)
    {
        var names = projects.Select(p => p.Config.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var reference in projects.SelectMany(p => p.DependsOnNodes).Where(d => !names.Contains(d.Value)))
        {
            errors.At(reference, $"`depends_on` names \"{reference.Value}\", but no project has that name.{KeySuggestion.DidYouMean(reference.Value, names)}");
        }
    }
}
