using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Reads the <c>workflows</c> mapping: name → stages → steps.</summary>
internal static class WorkflowReader
{
    public static IReadOnlyDictionary<string, Workflow> ReadAll(MappingReader top)
    {
        var workflows = new Dictionary<string, Workflow>(StringComparer.Ordinal);
        switch (top.Value("workflows"))
        {
            case null:
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    workflows[entry.Key.Value] = Read(entry.Key.Value, entry.Value, top.Errors);
                }

                break;
            case var other:
                top.Errors.At(other, $"`workflows` must be a mapping of workflow names to their stages, not {other.Describe()}.");
                break;
        }

        return workflows.AsReadOnly();
    }

    private static Workflow Read(string name, YamlNode node, ErrorSink errors)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return Workflow.Default with { Name = name };
        }

        if (node is not YamlMapping mapping)
        {
            errors.At(node, $"The workflow `{name}` must be a mapping of stages (such as `plan:` and `apply:`), not {node.Describe()}.");
            return Workflow.Default with { Name = name };
        }

        var reader = new MappingReader(mapping, ConfigKeys.Workflow, $"in the workflow `{name}`", errors);
        return new Workflow(
            name,
            Stage(reader, "plan", WorkflowStage.DefaultPlan),
            Stage(reader, "apply", WorkflowStage.DefaultApply),
            Stage(reader, "import", WorkflowStage.DefaultImport),
            Stage(reader, "state_rm", WorkflowStage.DefaultStateRm),
            Stage(reader, "policy_check", WorkflowStage.DefaultPolicyCheck));
    }

    // As in Atlantis, a stage without "steps" keeps the default steps, while "steps: []" runs nothing.
    private static WorkflowStage Stage(MappingReader workflow, string key, WorkflowStage defaultStage)
    {
        var stage = workflow.Nested(key, ConfigKeys.Stage, $"under `{key}`");
        switch (stage?.Value("steps"))
        {
            case null:
                return defaultStage;
            case YamlSequence steps:
                return new WorkflowStage(steps.Items.Select(s => StepReader.Read(s, workflow.Errors)).OfType<WorkflowStep>().ToArray());
            case var other:
                workflow.Errors.At(other, $"`steps` must be a list of steps, not {other.Describe()}.");
                return defaultStage;
        }
    }
}
