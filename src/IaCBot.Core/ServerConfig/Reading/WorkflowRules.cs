using IaCBot.Core.RepoConfig;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.ServerConfig.Reading;

/// <summary>Checks that an entry names only workflows the server config defines (or the built-in <c>default</c>).</summary>
internal static class WorkflowRules
{
    public static Workflow? Named(YamlScalar name, IReadOnlyDictionary<string, Workflow> workflows, ErrorSink errors)
    {
        if (workflows.TryGetValue(name.Value, out var workflow))
        {
            return workflow;
        }

        errors.At(name, $"`workflow: {name.Value}` names no workflow of the server config ({Defined(workflows)}).{KeySuggestion.DidYouMean(name.Value, workflows.Keys)}");
        return null;
    }

    public static IReadOnlyList<string> Allowed(IReadOnlyList<YamlScalar> names, IReadOnlyDictionary<string, Workflow> workflows, ErrorSink errors)
    {
        foreach (var name in names.Where(n => !workflows.ContainsKey(n.Value)))
        {
            errors.At(name, $"`allowed_workflows` names \"{name.Value}\", which is no workflow of the server config ({Defined(workflows)}).{KeySuggestion.DidYouMean(name.Value, workflows.Keys)}");
        }

        return names.Select(n => n.Value).ToArray();
    }

    private static string Defined(IReadOnlyDictionary<string, Workflow> workflows) =>
        $"defined: {ScalarValues.Join(workflows.Keys.Order(StringComparer.Ordinal))}";
}
