using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.ServerConfig.Reading;

/// <summary>Reads <c>pre_workflow_hooks</c> and <c>post_workflow_hooks</c>: lists of <c>- run: command</c> with optional settings.</summary>
internal static class WorkflowHookReader
{
    public static IReadOnlyList<WorkflowHook> ReadList(MappingReader entry, string key)
    {
        switch (entry.Value(key))
        {
            case null:
                return [];
            case YamlSequence list:
                return list.Items.Select(item => Read(item, key, entry.Errors)).OfType<WorkflowHook>().ToArray();
            case var other:
                entry.Errors.At(other, $"`{key}` must be a list of hooks (each `- run: <command>`), not {other.Describe()}.");
                return [];
        }
    }

    private static WorkflowHook? Read(YamlNode node, string key, ErrorSink errors)
    {
        if (node is not YamlMapping mapping)
        {
            errors.At(node, $"Each hook of `{key}` must be a mapping such as `- run: ./script.sh`, not {node.Describe()}.");
            return null;
        }

        var hook = new MappingReader(mapping, ServerConfigKeys.Hook, $"in a hook of `{key}`", errors);
        var command = hook.Text("run");
        if (command is null)
        {
            errors.At(mapping, $"This hook of `{key}` has no `run:`; give it the command to run.");
            return null;
        }

        if (command.Trim().Length == 0)
        {
            errors.At(hook.Value("run")!, $"The `run:` of this hook of `{key}` is empty; give it the command to run.");
            return null;
        }

        // Atlantis takes shellArgs as one text split on spaces; a list reads the same way here.
        var shellArgs = hook.Value("shellArgs") is { } args ? ScalarValues.WordsOrList(args, "shellArgs", errors) : null;
        return new WorkflowHook(command, hook.Text("description"), hook.Text("shell"), shellArgs ?? [], hook.Text("commands"));
    }
}
