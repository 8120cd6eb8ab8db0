using FakeTerraform.Cli;
using FakeTerraform.Rendering;

namespace FakeTerraform.Commands;

/// <summary><c>terraform state list|rm</c>; the other state subcommands are named as not modelled.</summary>
internal sealed class StateCommand(RunContext context)
{
    private static readonly string[] NotModelled = ["mv", "pull", "push", "replace-provider", "show"];

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        var rest = view.Rest.Skip(1).ToList();
        switch (view.Rest.Count > 0 ? view.Rest[0] : null)
        {
            case "list":
                return await new StateListCommand(context, output).RunAsync(rest);
            case "rm":
                return await new StateRmCommand(context, output).RunAsync(rest);
            case { } name when NotModelled.Contains(name):
                context.Err.Write($"fake terraform: the \"state {name}\" command is not modelled by the fake\n");
                return 1;
            default:
                // Terraform's CLI answers a bare or unknown "state" with the command's help, exit status 1.
                context.Err.Write(StateMessages.Help + "\n");
                return 1;
        }
    }

    /// <summary>State subcommands print flag errors through the old UI, then their help.</summary>
    public static ParsedFlags? ParseFlags(GoFlagSet flags, IReadOnlyList<string> args, CommandOutput output, string help)
    {
        try
        {
            return flags.Parse(args);
        }
        catch (FlagParseException e)
        {
            output.UiError(StateMessages.FlagError(e.Message));
            output.UiError(help);
            return null;
        }
    }

    /// <summary>The state file a subcommand works on: -state when given, else the current workspace's.</summary>
    public static string StatePath(RunContext context, ParsedFlags flags) =>
        flags.Last("state") is { Length: > 0 } path ? context.Resolve(path) : context.Workspaces.StatePath(context.Workspaces.Current);

    /// <summary>The path terraform shows for the state: relative to the working directory when inside it.</summary>
    public static string Shown(RunContext context, string statePath) =>
        Path.GetRelativePath(context.Directory, statePath) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : statePath;
}
