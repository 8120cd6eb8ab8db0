using FakeTerraform.Cli;
using FakeTerraform.Diagnostics;
using FakeTerraform.Rendering;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary><c>terraform workspace show|list|select|new|delete</c> against the local backend.</summary>
internal sealed class WorkspaceCommand(RunContext context)
{
    public int Run(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        var rest = view.Rest.Skip(1).ToList();
        return (view.Rest.Count > 0 ? view.Rest[0] : null) switch
        {
            "show" => Show(output),
            "list" => List(output),
            "select" => WithName(output, rest, new GoFlagSet().Add(FlagKind.Bool, "or-create"), (flags, name) => Select(output, name, flags.IsTrue("or-create"))),
            "new" => WithName(output, rest, LockFlags().Add(FlagKind.String, "state"), (_, name) => New(output, name)),
            "delete" => WithName(output, rest, LockFlags().Add(FlagKind.Bool, "force"), (flags, name) => Delete(output, name, flags.IsTrue("force"))),
            _ => Usage(output),
        };
    }

    private static GoFlagSet LockFlags() => new GoFlagSet().Add(FlagKind.Bool, "lock").Add(FlagKind.Duration, "lock-timeout");

    private static int Usage(CommandOutput output)
    {
        output.Line(WorkspaceMessages.Help);
        return 0;
    }

    private int Show(CommandOutput output)
    {
        output.Line(context.Workspaces.Current);
        return 0;
    }

    private int List(CommandOutput output)
    {
        var workspaces = context.Workspaces;
        output.Line(string.Concat(workspaces.List().Select(w => (w == workspaces.Current ? "* " : "  ") + w + "\n")));
        if (workspaces.IsOverridden)
        {
            output.Line(WorkspaceMessages.OverriddenNote);
        }

        return 0;
    }

    private static int WithName(CommandOutput output, IReadOnlyList<string> args, GoFlagSet flags, Func<ParsedFlags, string, int> action)
    {
        ParsedFlags parsed;
        try
        {
            parsed = flags.Parse(args);
        }
        catch (FlagParseException e)
        {
            output.UiError($"Error parsing command-line flags: {e.Message}\n");
            return 1;
        }

        if (parsed.Positionals.Count != 1)
        {
            output.UiError(WorkspaceMessages.ExpectedName);
            return 1;
        }

        var name = parsed.Positionals[0];
        if (!WorkspaceStore.IsValidName(name))
        {
            output.UiError(WorkspaceMessages.InvalidName(name));
            return 1;
        }

        return action(parsed, name);
    }

    private int Select(CommandOutput output, string name, bool orCreate)
    {
        var workspaces = context.Workspaces;
        if (workspaces.IsOverridden)
        {
            output.UiError(WorkspaceMessages.OverriddenSelect);
            return 1;
        }

        if (name == workspaces.Current)
        {
            return 0;
        }

        var exists = workspaces.Exists(name);
        if (!exists && !orCreate)
        {
            output.UiError(WorkspaceMessages.DoesNotExist(name));
            return 1;
        }

        workspaces.Create(name);
        workspaces.Select(name);
        output.Line(output.Color.Color(exists ? WorkspaceMessages.Changed(name) : WorkspaceMessages.Created(name)));
        return 0;
    }

    private int New(CommandOutput output, string name)
    {
        var workspaces = context.Workspaces;
        if (workspaces.IsOverridden && workspaces.Current != name)
        {
            output.UiError(WorkspaceMessages.OverriddenNew);
            return 1;
        }

        if (workspaces.Exists(name))
        {
            output.UiError(WorkspaceMessages.Exists(name));
            return 1;
        }

        workspaces.Create(name);
        workspaces.Select(name);
        output.Line(output.Color.Color(WorkspaceMessages.Created(name)));
        return 0;
    }

    private int Delete(CommandOutput output, string name, bool force)
    {
        var workspaces = context.Workspaces;
        if (!workspaces.Exists(name))
        {
            output.UiError(WorkspaceMessages.DoesNotExist(name).Trim());
            return 1;
        }

        if (name == workspaces.Current)
        {
            output.UiError(WorkspaceMessages.DeleteCurrent(name));
            return 1;
        }

        if (name == WorkspaceStore.Default)
        {
            output.UiError("cannot delete default state");
            return 1;
        }

        var resources = StateStore.Read(workspaces.StatePath(name))?.Resources ?? [];
        if (resources.Count > 0 && !force)
        {
            output.UiDiagnostics([TerraformDiagnostics.WorkspaceNotEmpty(name, resources.Select(r => r.Address))]);
            return 1;
        }

        workspaces.Delete(name);
        output.Line(output.Color.Color(WorkspaceMessages.Deleted(name)));
        if (resources.Count > 0)
        {
            output.Line(output.Color.Color(WorkspaceMessages.WarnNotEmpty(name)));
        }

        return 0;
    }
}
