using FakeTerraform.Cli;
using FakeTerraform.Config;
using FakeTerraform.Diagnostics;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary><c>terraform state list [-state=PATH] [-id=ID] [ADDRESS...]</c>: one address a line, in terraform's order.</summary>
internal sealed class StateListCommand(RunContext context, CommandOutput output)
{
    private static GoFlagSet Flags() => new GoFlagSet().Add(FlagKind.String, "state", "id");

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (StateCommand.ParseFlags(Flags(), args, output, StateMessages.ListHelp) is not { } flags)
        {
            return 1;
        }

        if (!flags.Has("state") && !context.IsInitialized)
        {
            output.UiDiagnostics([TerraformDiagnostics.BackendInitializationRequired()]);
            return 1;
        }

        var knobs = ConfigReader.Read(context.Directory).Knobs;
        await context.HoldAsync(knobs, "state");
        if (knobs.Fails("state"))
        {
            output.UiError(StateMessages.Unreadable);
            return 1;
        }

        if (StateStore.Read(StateCommand.StatePath(context, flags)) is not { } state)
        {
            output.UiError(StateMessages.NotFound);
            return 1;
        }

        if (Select(state, flags.Positionals) is not { } addresses)
        {
            return 1;
        }

        var id = flags.Last("id") ?? "";
        foreach (var address in addresses.Where(a => id.Length == 0 || state.Find(a)?.Id == id))
        {
            output.Line(address);
        }

        return 0;
    }

    private List<string>? Select(StateFile state, IReadOnlyList<string> filters)
    {
        if (filters.Count == 0)
        {
            return [.. state.Resources.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Address)];
        }

        var found = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var filter in filters)
        {
            var (addresses, problem) = StateLookup.Find(state, filter, allowMissing: false);
            found.AddRange(addresses);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            output.UiDiagnostics(problems);
            return null;
        }

        return found;
    }
}
