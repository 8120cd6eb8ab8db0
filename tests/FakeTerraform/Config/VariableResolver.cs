using FakeTerraform.Cli;
using FakeTerraform.Diagnostics;

namespace FakeTerraform.Config;

/// <summary>
/// Root module variable values, in terraform's order of precedence: defaults, TF_VAR_ environment variables,
/// terraform.tfvars, *.auto.tfvars, then -var and -var-file in the order given.
/// </summary>
internal static class VariableResolver
{
    public static (IReadOnlyDictionary<string, TfValue> Values, IReadOnlyList<Diagnostic> Problems) Resolve(
        Configuration config, ParsedFlags flags, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var declared = config.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, TfValue>(StringComparer.Ordinal);
        var problems = new List<Diagnostic>();
        foreach (var (name, value) in environment.Where(e => e.Key.StartsWith("TF_VAR_", StringComparison.Ordinal)))
        {
            Set(values, declared, name["TF_VAR_".Length..], value);
        }

        var autoFiles = Directory.GetFiles(directory, "*.auto.tfvars").Order(StringComparer.Ordinal);
        foreach (var file in new[] { Path.Combine(directory, "terraform.tfvars") }.Where(File.Exists).Concat(autoFiles))
        {
            ReadFile(file, values);
        }

        foreach (var (flag, argument) in flags.Ordered.Where(f => f.Key is "var" or "var-file"))
        {
            problems.AddRange(flag == "var" ? FromVarFlag(argument, values, declared) : FromVarFile(argument, directory, values));
        }

        foreach (var variable in config.Variables)
        {
            var value = values.GetValueOrDefault(variable.Name) ?? variable.Default;
            if (value is not null)
            {
                values[variable.Name] = value.MarkSensitive(variable.Sensitive);
                continue;
            }

            problems.Add(TerraformDiagnostics.NoValueForRequiredVariable(variable));
        }

        return (values.Where(v => declared.ContainsKey(v.Key)).ToDictionary(StringComparer.Ordinal), problems);
    }

    private static IEnumerable<Diagnostic> FromVarFlag(string argument, Dictionary<string, TfValue> values, Dictionary<string, VariableConfig> declared)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return [TerraformDiagnostics.InvalidVarOption(argument)];
        }

        var name = argument[..equals].Trim();
        if (!declared.ContainsKey(name))
        {
            return [TerraformDiagnostics.UndeclaredVariable(name)];
        }

        Set(values, declared, name, argument[(equals + 1)..]);
        return [];
    }

    private static IEnumerable<Diagnostic> FromVarFile(string argument, string directory, Dictionary<string, TfValue> values)
    {
        var path = Path.GetFullPath(argument, directory);
        if (!File.Exists(path))
        {
            return [TerraformDiagnostics.MissingVarFile(argument)];
        }

        ReadFile(path, values);
        return [];
    }

    private static void Set(Dictionary<string, TfValue> values, Dictionary<string, VariableConfig> declared, string name, string raw) =>
        values[name] = ValueParser.FromCommandLine(raw, declared.GetValueOrDefault(name)?.Type);

    private static void ReadFile(string path, Dictionary<string, TfValue> values)
    {
        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && ValueParser.ParseExpression(line[(equals + 1)..]) is LiteralExpression literal)
            {
                values[line[..equals].Trim()] = literal.Value;
            }
        }
    }
}
