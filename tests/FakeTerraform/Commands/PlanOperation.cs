using FakeTerraform.Cli;
using FakeTerraform.Config;
using FakeTerraform.Diagnostics;
using FakeTerraform.Planning;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>
/// The planning half that plan and apply (without a plan file) share: checks that init ran, reads the
/// configuration and variables, refreshes the workspace's state and computes the changes.
/// </summary>
internal sealed class PlanOperation(RunContext context, CommandOutput output)
{
    public Configuration Config { get; private set; } = Configuration.Empty;

    public StateFile? PriorState { get; private set; }

    /// <summary>The plan, or null after its errors were printed.</summary>
    public async Task<SavedPlan?> RunAsync(ParsedFlags flags)
    {
        var mode = flags.IsTrue("destroy") ? PlanMode.Destroy : PlanMode.Normal;
        Config = ExtraOutputResource.AddTo(ConfigReader.Read(context.Directory));
        if (!Config.HasFiles && mode == PlanMode.Normal)
        {
            return Fail(TerraformDiagnostics.NoConfigurationFiles());
        }

        if (!context.IsInitialized)
        {
            return Fail(Config.Providers.Count > 0
                ? TerraformDiagnostics.InconsistentLockFile(Config.Providers)
                : TerraformDiagnostics.BackendInitializationRequired());
        }

        var (variables, problems) = VariableResolver.Resolve(Config, flags, context.Directory, context.Environment);
        if (problems.Count > 0)
        {
            output.ViewDiagnostics(problems);
            return null;
        }

        var workspace = context.Workspaces.Current;
        PriorState = StateStore.Read(context.Workspaces.StatePath(workspace));
        var state = PriorState ?? StateFile.Empty;
        if (flags.IsTrue("refresh", whenAbsent: true))
        {
            Refresh(state);
        }

        await context.HoldAsync(Config.Knobs, "plan");
        if (Config.Knobs.Fails("plan"))
        {
            return Fail(TerraformDiagnostics.ConflictingArguments(Config.Resources.Count > 0 ? Config.Resources[0] : null));
        }

        return Planner.Plan(new PlanRequest(Config, variables, state, workspace, mode, flags.All("target")));
    }

    private void Refresh(StateFile state)
    {
        foreach (var resource in state.Resources.OrderBy(r => r.Address, StringComparer.Ordinal))
        {
            var suffix = resource.Id.Length > 0 ? $" [id={resource.Id}]" : "";
            output.Line(output.Color.Color("[reset][bold]\u0000: Refreshing state...\u0001")
                .Replace("\u0000", resource.Address, StringComparison.Ordinal)
                .Replace("\u0001", suffix, StringComparison.Ordinal).Trim());
        }
    }

    private SavedPlan? Fail(Diagnostic diagnostic)
    {
        output.ViewDiagnostics([diagnostic]);
        return null;
    }
}
