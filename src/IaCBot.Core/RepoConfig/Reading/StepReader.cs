using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>
/// Reads one step: a built-in name (<c>- init</c>), a built-in with <c>extra_args</c>, or a <c>run</c>,
/// <c>env</c> or <c>multienv</c> step in its short or long form.
/// </summary>
internal static class StepReader
{
    private static readonly IReadOnlyList<string> StepNames = [.. ConfigChoices.BuiltInSteps.Keys, "run", "env", "multienv"];

    public static WorkflowStep? Read(YamlNode node, ErrorSink errors)
    {
        switch (node)
        {
            case YamlScalar scalar when ConfigChoices.BuiltInSteps.TryGetValue(scalar.Value, out var builtIn):
                return new WorkflowStep.BuiltIn(builtIn, []);
            case YamlScalar scalar:
                errors.At(scalar, $"{scalar.Describe()} is not a step.{KeySuggestion.DidYouMean(scalar.Value, StepNames)} Use one of {ScalarValues.Join(ConfigChoices.BuiltInSteps.Keys)}, or write `- run: {scalar.Value}` for a custom command.");
                return null;
            case YamlMapping { Entries.Count: 1 } mapping:
                return ReadKeyed(mapping.Entries[0], errors);
            case YamlMapping { Entries.Count: 0 } mapping:
                errors.At(mapping, "This step is empty; name a step such as `- plan` or `- run: <command>`.");
                return null;
            case YamlMapping mapping:
                errors.At(mapping, $"A step must have exactly one key, but this one has {ScalarValues.Join(mapping.Entries.Select(e => e.Key.Value))}; put each step in its own list item.");
                return null;
            default:
                errors.At(node, $"A step must be a name such as `plan` or a mapping such as `run: <command>`, not {node.Describe()}.");
                return null;
        }
    }

    private static WorkflowStep? ReadKeyed(YamlEntry entry, ErrorSink errors)
    {
        var name = entry.Key.Value;
        if (ConfigChoices.BuiltInSteps.TryGetValue(name, out var builtIn))
        {
            return BuiltIn(builtIn, entry, errors);
        }

        return name switch
        {
            "run" => RunStepReader.Run(entry, errors),
            "env" => RunStepReader.Env(entry, errors),
            "multienv" => RunStepReader.MultiEnv(entry, errors),
            _ => Unknown(entry.Key, errors),
        };
    }

    private static WorkflowStep.BuiltIn? BuiltIn(BuiltInStep step, YamlEntry entry, ErrorSink errors)
    {
        switch (entry.Value)
        {
            case YamlScalar { IsNull: true }:
                return new WorkflowStep.BuiltIn(step, []);
            case YamlMapping mapping:
                var reader = new MappingReader(mapping, ConfigKeys.BuiltInStep, $"in the `{entry.Key.Value}` step (only `extra_args` is)", errors);
                return new WorkflowStep.BuiltIn(step, reader.TextList("extra_args") ?? []);
            case var other:
                errors.At(other, $"The `{entry.Key.Value}` step takes only `extra_args: [...]`, not {other.Describe()}.");
                return null;
        }
    }

    private static WorkflowStep? Unknown(YamlScalar key, ErrorSink errors)
    {
        errors.At(key, $"`{key.Value}` is not a step; use one of {ScalarValues.Join(StepNames)}.{KeySuggestion.DidYouMean(key.Value, StepNames)}");
        return null;
    }
}
