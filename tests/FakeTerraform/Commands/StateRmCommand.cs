using FakeTerraform.Cli;
using FakeTerraform.Config;
using FakeTerraform.Diagnostics;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>
/// <c>terraform state rm [-dry-run] [-backup=PATH] [-state=PATH] ADDRESS...</c>. As in terraform, every address
/// is looked up before anything is removed, an address matching nothing is passed over, and only when nothing at
/// all matched is it an error. The previous state is kept in a timestamped backup, as the state commands do.
/// </summary>
internal sealed class StateRmCommand(RunContext context, CommandOutput output)
{
    private static GoFlagSet Flags() => new GoFlagSet()
        .Add(FlagKind.Bool, "dry-run", "lock", "ignore-remote-version")
        .Add(FlagKind.String, "backup", "state")
        .Add(FlagKind.Duration, "lock-timeout");

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (StateCommand.ParseFlags(Flags(), args, output, StateMessages.RmHelp) is not { } flags)
        {
            return 1;
        }

        if (flags.Positionals.Count == 0)
        {
            output.UiError(StateMessages.AddressRequired);
            output.UiError(StateMessages.RmHelp);
            return 1;
        }

        if (!flags.Has("state") && !context.IsInitialized)
        {
            var required = TerraformDiagnostics.BackendInitializationRequired();
            output.UiError(StateMessages.LoadingState($"{required.Summary}: {required.Detail}"));
            return 1;
        }

        var path = StateCommand.StatePath(context, flags);
        var knobs = ConfigReader.Read(context.Directory).Knobs;
        await context.HoldAsync(knobs, "state");
        if (knobs.Fails("state"))
        {
            output.UiDiagnostics([StateDiagnostics.StateLocked(StateLockHolder.For(StateCommand.Shown(context, path), TerraformVersion.For(context.Environment)))]);
            return 1;
        }

        if (StateStore.Read(path) is not { } state)
        {
            output.UiError(StateMessages.NotFound);
            return 1;
        }

        return Remove(state, path, flags);
    }

    private int Remove(StateFile state, string path, ParsedFlags flags)
    {
        var found = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var argument in flags.Positionals)
        {
            var (addresses, problem) = StateLookup.Find(state, argument, allowMissing: true);
            found.AddRange(addresses);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            output.UiDiagnostics(problems);
            return 1;
        }

        var dryRun = flags.IsTrue("dry-run");
        foreach (var address in found)
        {
            output.Line((dryRun ? "Would remove " : "Removed ") + address);
        }

        if (dryRun)
        {
            if (found.Count == 0)
            {
                output.Line("Would have removed nothing.");
            }

            return 0;
        }

        if (found.Count == 0)
        {
            output.UiDiagnostics([StateDiagnostics.InvalidTargetAddress()]);
            return 1;
        }

        var removed = found.ToHashSet(StringComparer.Ordinal);
        var remaining = new StateFile(state.Serial + 1, state.Lineage, [.. state.Resources.Where(r => !removed.Contains(r.Address))], state.Outputs);
        StateStore.Write(path, remaining, Backup(flags, path));
        output.Line($"Successfully removed {found.Count} resource instance(s).");
        return 0;
    }

    /// <summary>-backup=PATH, or by default the state path with the Unix time and ".backup" appended.</summary>
    private string Backup(ParsedFlags flags, string path) => flags.Last("backup") is { Length: > 0 } backup and not "-"
        ? context.Resolve(backup)
        : $"{path}.{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}.backup";
}
