using System.Text;
using FakeTerraform.Cli;
using FakeTerraform.Diagnostics;
using FakeTerraform.Planning;
using FakeTerraform.Rendering;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary><c>terraform show [-json] [PLANFILE]</c>: a saved plan, or the current workspace's state.</summary>
internal sealed class ShowCommand(RunContext context)
{
    private static readonly GoFlagSet Flags = new GoFlagSet().Add(FlagKind.Bool, "json");

    public int Run(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        if (CommandFlags.Parse(Flags, view.Rest, "show", output) is not { } flags)
        {
            return 1;
        }

        var json = flags.IsTrue("json");
        if (flags.Positionals.Count == 0)
        {
            return ShowState(output, json);
        }

        var path = flags.Positionals[0];
        if (PlanFile.Read(context.Resolve(path)) is not { } contents)
        {
            var reason = File.Exists(context.Resolve(path)) ? "zip: not a valid zip file" : $"open {path}: no such file or directory";
            output.ViewDiagnostics([Diagnostic.Error(
                "Failed to read the given file as a state or plan file",
                $"State read error: Error loading statefile: {reason}\n\nPlan read error: {reason}")]);
            return 1;
        }

        output.Print(json ? contents.ShowJson.ToJsonString(JsonFormat.Compact) + "\n" : PlanRenderer.Render(contents.Plan, output.Color));
        return 0;
    }

    private int ShowState(CommandOutput output, bool json)
    {
        var state = StateStore.Read(context.Workspaces.StatePath(context.Workspaces.Current));
        if (json)
        {
            output.Line(state is null ? "{\"format_version\":\"1.0\"}" : StateJson.Build(state).ToJsonString(JsonFormat.Compact));
            return 0;
        }

        if (state is null)
        {
            output.Line("No state.");
            return 0;
        }

        if (state.Resources.Count == 0 && state.Outputs.Count == 0)
        {
            output.Line("The state file is empty. No resources are represented.");
            return 0;
        }

        output.Print(RenderState(state, output.Color));
        return 0;
    }

    private static string RenderState(StateFile state, Colorizer color)
    {
        var text = new StringBuilder();
        foreach (var resource in state.Resources.OrderBy(r => r.Address, StringComparer.Ordinal))
        {
            var attributes = resource.Attributes.Where(a => !a.Value.IsNull).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
            var width = attributes.Count == 0 ? 0 : attributes.Max(a => a.Key.Length);
            text.Append(color.Color($"# {resource.Address}:")).Append('\n');
            text.Append($"resource \"{resource.Type}\" \"{resource.Name}\" {{\n");
            foreach (var (name, value) in attributes)
            {
                var shown = value.Sensitive ? "(sensitive value)" : ValueRenderer.Value(value, color);
                text.Append($"    {name.PadRight(width)} = {shown}\n");
            }

            text.Append("}\n\n");
        }

        if (state.Outputs.Count > 0)
        {
            text.Append("\nOutputs:\n\n");
            foreach (var (name, output) in state.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                text.Append($"{name} = {(output.Sensitive ? "(sensitive value)" : ValueRenderer.Value(output.Value, color))}\n");
            }
        }

        return text.ToString();
    }
}
