using System.Text.RegularExpressions;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Reads the steps that run commands: <c>run</c>, <c>env</c> and <c>multienv</c>.</summary>
internal static class RunStepReader
{
    public static WorkflowStep.Run? Run(YamlEntry entry, ErrorSink errors)
    {
        if (entry.Value is YamlScalar { IsNull: false } command)
        {
            return new WorkflowStep.Run(command.Value, null, [], RunOutput.Show, []);
        }

        if (Mapping(entry, ConfigKeys.RunStep, errors) is not { } reader || RequiredCommand(reader, "run") is not { } text)
        {
            return null;
        }

        var (output, filters) = Output(reader);
        return new WorkflowStep.Run(text, reader.Text("shell"), ShellArgs(reader), output, filters);
    }

    public static WorkflowStep.Env? Env(YamlEntry entry, ErrorSink errors)
    {
        if (Mapping(entry, ConfigKeys.EnvStep, errors) is not { } reader)
        {
            return null;
        }

        var name = reader.Text("name");
        var value = reader.Text("value");
        var command = reader.Text("command");
        if (name is null)
        {
            errors.At(reader.Node, "An `env` step needs a `name:` for the variable it sets.");
        }

        if ((value is null) == (command is null))
        {
            errors.At(reader.Node, "An `env` step needs exactly one of `value:` (fixed text) or `command:` (whose output becomes the value).");
        }

        if (command is null && reader.Value("shell") is { } shell)
        {
            errors.At(shell, "`shell` only applies to an `env` step with a `command:`.");
        }

        return name is null ? null : new WorkflowStep.Env(name, value, command, reader.Text("shell"), ShellArgs(reader));
    }

    public static WorkflowStep.MultiEnv? MultiEnv(YamlEntry entry, ErrorSink errors)
    {
        if (entry.Value is YamlScalar { IsNull: false } command)
        {
            return new WorkflowStep.MultiEnv(command.Value, null, [], RunOutput.Show);
        }

        if (Mapping(entry, ConfigKeys.MultiEnvStep, errors) is not { } reader || RequiredCommand(reader, "multienv") is not { } text)
        {
            return null;
        }

        var output = reader.Choice("output", ConfigChoices.MultiEnvOutputs) ?? RunOutput.Show;
        return new WorkflowStep.MultiEnv(text, reader.Text("shell"), ShellArgs(reader), output);
    }

    private static MappingReader? Mapping(YamlEntry entry, IReadOnlyList<string> keys, ErrorSink errors)
    {
        if (entry.Value is YamlMapping mapping)
        {
            return new MappingReader(mapping, keys, $"in a `{entry.Key.Value}` step", errors);
        }

        errors.At(entry.Value, $"A `{entry.Key.Value}` step must be a command or a mapping with {ScalarValues.Join(keys)}, not {entry.Value.Describe()}.");
        return null;
    }

    private static string? RequiredCommand(MappingReader reader, string step)
    {
        var command = reader.Text("command");
        if (command is null)
        {
            reader.Errors.At(reader.Node, $"This `{step}` step needs a `command:`.");
        }

        return command;
    }

    // Atlantis: shellArgs cannot be set without shell.
    private static IReadOnlyList<string> ShellArgs(MappingReader reader)
    {
        var args = reader.Value("shellArgs") is { } node ? ScalarValues.WordsOrList(node, "shellArgs", reader.Errors) : null;
        if (args is not null && reader.Value("shell") is null)
        {
            reader.Errors.At(reader.Value("shellArgs")!, "`shellArgs` needs a `shell:` to pass them to.");
        }

        return args ?? [];
    }

    private static (RunOutput Output, IReadOnlyList<string> Filters) Output(MappingReader reader) => reader.Value("output") switch
    {
        null => (RunOutput.Show, []),
        YamlSequence list => OutputList(list, reader.Errors),
        var single => (ScalarValues.Choice(single, "output", ConfigChoices.RunOutputs, reader.Errors) ?? RunOutput.Show, []),
    };

    // The list form: output modes and "filter_regex: <regex>" items whose matches are masked in the comment.
    private static (RunOutput, IReadOnlyList<string>) OutputList(YamlSequence list, ErrorSink errors)
    {
        var output = RunOutput.Show;
        var filters = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is YamlMapping mapping)
            {
                var filter = new MappingReader(mapping, ["filter_regex"], "in `output`", errors).Value("filter_regex");
                if (filter is YamlScalar regex && IsValidRegex(regex, errors))
                {
                    filters.Add(regex.Value);
                }
            }
            else
            {
                output = ScalarValues.Choice(item, "output", ConfigChoices.RunOutputs, errors) ?? output;
            }
        }

        return (output, filters);
    }

    private static bool IsValidRegex(YamlScalar regex, ErrorSink errors)
    {
        try
        {
            _ = new Regex(regex.Value, RegexOptions.None, ProjectFieldRules.RegexTimeout);
            return true;
        }
        catch (ArgumentException e)
        {
            errors.At(regex, $"`filter_regex` {regex.Describe()} is not a valid regex: {e.Message}");
            return false;
        }
    }
}
