using FakeTerraform.Cli;
using FakeTerraform.Config;
using FakeTerraform.Diagnostics;
using FakeTerraform.Planning;
using FakeTerraform.Rendering;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>
/// <c>terraform import ADDR ID</c> as 1.5 runs it from the command line: checked in terraform's order (address
/// syntax, configuration, init, variables), then the import hooks' lines and the new state object. The fake has no
/// remote system, so the object it "reads back" is the one the resource block describes, with the given id: a
/// plan right after the import finds nothing to change, as it would for a faithful configuration.
/// </summary>
internal sealed class ImportCommand(RunContext context)
{
    private static GoFlagSet Flags() => new GoFlagSet()
        .Add(FlagKind.Bool, "input", "lock", "ignore-remote-version")
        .Add(FlagKind.String, "var", "var-file", "state", "state-out", "backup", "config")
        .Add(FlagKind.Int, "parallelism")
        .Add(FlagKind.Duration, "lock-timeout");

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        ParsedFlags flags;
        try
        {
            flags = Flags().Parse(view.Rest);
        }
        catch (FlagParseException)
        {
            // Terraform discards the flag package's own message and shows only the help.
            output.UiError(ImportMessages.Help);
            return 1;
        }

        if (flags.Positionals.Count != 2)
        {
            output.UiError(ImportMessages.ExpectsTwoArguments);
            output.UiError(ImportMessages.Help);
            return 1;
        }

        return await ImportAsync(flags, flags.Positionals[0], flags.Positionals[1], output);
    }

    private async Task<int> ImportAsync(ParsedFlags flags, string rawAddress, string id, CommandOutput output)
    {
        if (Target(rawAddress, output) is not { } target)
        {
            return 1;
        }

        var configDirectory = flags.Last("config") is { } config ? context.Resolve(config) : context.Directory;
        if (FindResource(configDirectory, target, output) is not (var configuration, var resource))
        {
            return 1;
        }

        if (!context.IsInitialized)
        {
            return Fail(output, configuration.Providers.Count > 0
                ? TerraformDiagnostics.InconsistentLockFile(configuration.Providers)
                : TerraformDiagnostics.BackendInitializationRequired());
        }

        var (variables, problems) = VariableResolver.Resolve(configuration, flags, context.Directory, context.Environment);
        if (problems.Count > 0)
        {
            output.UiDiagnostics(problems);
            return 1;
        }

        var statePath = flags.Last("state") is { } state ? context.Resolve(state) : context.Workspaces.StatePath(context.Workspaces.Current);
        var prior = StateStore.Read(statePath) ?? StateFile.Empty;
        await context.HoldAsync(configuration.Knobs, "import");
        output.Hook("[reset][bold]{0}: Importing from ID {1}...", resource.Address, GoQuote.Quote(id));
        output.Hook("[reset][bold][green]{0}: Import prepared!", resource.Address);
        output.Hook("[reset][green]  Prepared {0} for import", resource.Type);
        if (prior.Find(resource.Address) is not null)
        {
            return Fail(output, StateDiagnostics.ResourceAlreadyManaged(resource.Address));
        }

        output.Hook("[reset][bold]{0}: Refreshing state...{1}", resource.Address, id.Length > 0 ? $" [id={id}]" : "");
        if (configuration.Knobs.Fails("import"))
        {
            return Fail(output, StateDiagnostics.NonExistentRemoteObject(resource.Address));
        }

        var imported = new ResourceState(resource.Type, resource.Name, resource.Provider.StateProvider, RemoteObject(configuration, variables, prior, resource, id));
        var lineage = prior.Lineage.Length > 0 ? prior.Lineage : Guid.NewGuid().ToString();
        var written = new StateFile(prior.Serial + 1, lineage, [.. prior.Resources, imported], prior.Outputs);
        var outPath = flags.Last("state-out") is { } stateOut ? context.Resolve(stateOut) : statePath;
        StateStore.Write(outPath, written, Backup(flags, outPath));
        output.Line(output.Color.Color("[reset][green]\n" + ImportMessages.Success));
        return 0;
    }

    /// <summary>The address checks terraform makes before it reads any configuration.</summary>
    private static TargetAddress? Target(string rawAddress, CommandOutput output)
    {
        var target = TargetAddress.Parse(rawAddress);
        if (target is null || target.IsModuleOnly)
        {
            output.UiDiagnostics([StateDiagnostics.InvalidAddress(rawAddress, quoteSource: true)]);
            output.Line(ImportMessages.InvalidAddressReference);
            return null;
        }

        if (target.IsData)
        {
            output.UiDiagnostics([StateDiagnostics.ImportIntoDataResource()]);
            return null;
        }

        return target;
    }

    private static (Configuration, ResourceConfig)? FindResource(string directory, TargetAddress target, CommandOutput output)
    {
        var configuration = ConfigReader.Read(directory);
        if (!configuration.HasFiles)
        {
            output.UiDiagnostics([StateDiagnostics.NoConfigurationFiles(directory)]);
            return null;
        }

        if (target.Module.Length > 0)
        {
            output.UiDiagnostics([StateDiagnostics.ImportToNonExistentModule(target.Module)]);
            return null;
        }

        if (target.Key.Length > 0)
        {
            output.UiError("fake terraform: resource instance keys (count and for_each) are not modelled by the fake");
            return null;
        }

        var resource = configuration.Resources.FirstOrDefault(r => r.Type == target.Type && r.Name == target.Name);
        if (resource is null)
        {
            output.UiError(ImportMessages.MissingResource(target.ToString(), target.Type, target.Name));
            return null;
        }

        return (configuration, resource);
    }

    /// <summary>What the provider reads back: every value the configuration settles now, and the imported id.</summary>
    private static Dictionary<string, TfValue> RemoteObject(
        Configuration configuration, IReadOnlyDictionary<string, TfValue> variables, StateFile state, ResourceConfig resource, string id)
    {
        var values = new ConfigEvaluator(configuration, variables, state).Resource(resource)
            .Where(v => v.Value.IsKnown)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        values["id"] = TfValue.String(id);
        return values;
    }

    /// <summary>The local backend's legacy -backup option: "-" turns the backup off.</summary>
    private string? Backup(ParsedFlags flags, string statePath) => flags.Last("backup") switch
    {
        "-" => null,
        { Length: > 0 } path => context.Resolve(path),
        _ => statePath + ".backup",
    };

    private static int Fail(CommandOutput output, Diagnostic diagnostic)
    {
        output.UiDiagnostics([diagnostic]);
        return 1;
    }
}
