using FakeTerraform.Cli;
using FakeTerraform.Config;
using FakeTerraform.Diagnostics;
using FakeTerraform.Planning;
using FakeTerraform.Rendering;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>
/// <c>terraform apply [PLANFILE]</c>. A saved plan is refused once the workspace's state has moved on since it
/// was made; without one, apply plans first and asks for approval unless -auto-approve is given.
/// </summary>
internal sealed class ApplyCommand(RunContext context)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        if (CommandFlags.Parse(OperationFlags.Apply(), view.Rest, "apply", output) is not { } flags)
        {
            return 1;
        }

        if (flags.Positionals.Count > 1)
        {
            output.ViewDiagnostics([TerraformDiagnostics.TooManyArguments("Expected at most one positional argument.")]);
            output.HelpPrompt("apply");
            return 1;
        }

        return flags.Positionals.Count == 1
            ? await ApplySavedPlanAsync(flags, flags.Positionals[0], output)
            : await PlanAndApplyAsync(flags, output);
    }

    private async Task<int> ApplySavedPlanAsync(ParsedFlags flags, string path, CommandOutput output)
    {
        if (flags.Has("var") || flags.Has("var-file"))
        {
            return Fail(output, Diagnostic.Error(
                "Can't set variables when applying a saved plan",
                "The -var and -var-file options cannot be used when applying a saved plan file, because a saved plan includes the variable values that were set when it was created."));
        }

        var fullPath = context.Resolve(path);
        if (!File.Exists(fullPath))
        {
            return Fail(output, TerraformDiagnostics.NotAPlanFile(path));
        }

        if (PlanFile.Read(fullPath)?.Plan is not { } plan)
        {
            return Fail(output, TerraformDiagnostics.UnreadablePlanFile(path));
        }

        var providers = plan.Changes.Select(c => c.Provider).Where(p => !p.IsBuiltIn).DistinctBy(p => p.FullName).ToList();
        if (!context.IsInitialized)
        {
            return Fail(output, TerraformDiagnostics.InconsistentLockFile(providers));
        }

        var state = StateStore.Read(context.Workspaces.StatePath(plan.Workspace)) ?? StateFile.Empty;
        if (Staleness(plan, state) is { } stale)
        {
            return Fail(output, stale);
        }

        var knobs = ConfigReader.Read(context.Directory).Knobs;
        return await new ApplyRunner(context, output, knobs).RunAsync(plan, state);
    }

    /// <summary>Terraform's check: a first plan (empty lineage, serial 0) is compared by serial alone.</summary>
    private static Diagnostic? Staleness(SavedPlan plan, StateFile current)
    {
        var firstPlan = plan.PriorLineage.Length == 0 && plan.PriorSerial == 0;
        if (!firstPlan && plan.PriorLineage != current.Lineage)
        {
            return TerraformDiagnostics.PlanForOtherLineage();
        }

        return plan.PriorSerial != current.Serial ? TerraformDiagnostics.StalePlan() : null;
    }

    private async Task<int> PlanAndApplyAsync(ParsedFlags flags, CommandOutput output)
    {
        var operation = new PlanOperation(context, output);
        if (await operation.RunAsync(flags) is not { } plan)
        {
            return 1;
        }

        output.Print(PlanRenderer.Render(plan, output.Color));
        if (plan.HasChanges && !flags.IsTrue("auto-approve") && !await ApprovedAsync(plan, output))
        {
            return 1;
        }

        return await new ApplyRunner(context, output, operation.Config.Knobs).RunAsync(plan, operation.PriorState ?? StateFile.Empty);
    }

    /// <summary>
    /// Terraform asks even with -input=false; with nothing on stdin the read fails, which is the error a bot
    /// sees when it forgets -auto-approve.
    /// </summary>
    private async Task<bool> ApprovedAsync(SavedPlan plan, CommandOutput output)
    {
        var inWorkspace = plan.Workspace == "default" ? "" : $" in workspace \"{plan.Workspace}\"";
        var (query, description) = plan.Mode == PlanMode.Destroy
            ? ($"Do you really want to destroy all resources{inWorkspace}?", "  Terraform will destroy all your managed infrastructure, as shown above.\n  There is no undo. Only 'yes' will be accepted to confirm.")
            : ($"Do you want to perform these actions{inWorkspace}?", "  Terraform will perform the actions described above.\n  Only 'yes' will be accepted to approve.");
        output.Print(output.Color.Color($"[reset][bold]\n{query}[reset]\n{description}\n\n  [bold]Enter a value:[reset] "));
        await context.Out.FlushAsync();
        var answer = await context.In.ReadLineAsync();
        if (answer is null)
        {
            output.ViewDiagnostics([TerraformDiagnostics.ApprovalNotGiven("EOF")]);
            return false;
        }

        output.Print("\n");
        if (answer.Trim() != "yes")
        {
            output.Line("Apply cancelled.");
            return false;
        }

        return true;
    }

    private static int Fail(CommandOutput output, Diagnostic diagnostic)
    {
        output.ViewDiagnostics([diagnostic]);
        return 1;
    }
}
