using System.Text.Json.Nodes;
using FakeTerraform.Rendering;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary><c>terraform version [-json]</c>, also reached as <c>-version</c> and <c>--version</c>.</summary>
internal sealed class VersionCommand(RunContext context)
{
    public int Run(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        if (view.Rest.FirstOrDefault(a => a is not ("-json" or "--json" or "-v" or "-version" or "--version")) is { } unknown)
        {
            output.UiError($"Error parsing command-line flags: flag provided but not defined: -{unknown.TrimStart('-')}\n");
            return 1;
        }

        var terraformVersion = TerraformVersion.For(context.Environment);
        var selections = context.IsInitialized ? LockFile.Read(context.Directory) : new Dictionary<string, string>();
        if (view.Rest.Contains("-json") || view.Rest.Contains("--json"))
        {
            var providers = new JsonObject();
            foreach (var (name, version) in selections.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                providers[name] = version;
            }

            var document = new JsonObject
            {
                ["terraform_version"] = terraformVersion,
                ["platform"] = TerraformVersion.Platform,
                ["provider_selections"] = providers,
                ["terraform_outdated"] = false,
            };
            output.Line(document.ToJsonString(JsonFormat.Indented));
            return 0;
        }

        output.Line($"Terraform v{terraformVersion}");
        output.Line($"on {TerraformVersion.Platform}");
        foreach (var (name, version) in selections.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.Line($"+ provider {name} v{version}");
        }

        return 0;
    }
}
