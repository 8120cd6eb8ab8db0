using FakeTerraform.Cli;
using FakeTerraform.Diagnostics;
using FakeTerraform.Planning;
using FakeTerraform.Rendering;

namespace FakeTerraform.Commands;

/// <summary><c>terraform plan</c>: the human plan, the plan file for -out, and -detailed-exitcode's 0/1/2.</summary>
internal sealed class PlanCommand(RunContext context)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        if (CommandFlags.Parse(OperationFlags.Plan(), view.Rest, "plan", output) is not { } flags)
        {
            return 1;
        }

        if (flags.Positionals.Count > 0)
        {
            output.ViewDiagnostics([TerraformDiagnostics.TooManyArguments("To specify a working directory for the plan, use the global -chdir flag.")]);
            output.HelpPrompt("plan");
            return 1;
        }

        var operation = new PlanOperation(context, output);
        if (await operation.RunAsync(flags) is not { } plan)
        {
            return 1;
        }

        await FillerOutput.WriteAsync(context.Out, operation.Config.Knobs.ExtraOutputBytes);
        output.Print(PlanRenderer.Render(plan, output.Color));
        output.ViewDiagnostics(Warnings(plan, operation.Config.Knobs.SecretOutputs));
        var planPath = flags.Last("out");
        if (plan.HasChanges && !context.InAutomation)
        {
            output.Print(PlanRenderer.NextStep(planPath, output.Color));
        }

        if (planPath is not null)
        {
            PlanFile.Write(context.Resolve(planPath), plan, PlanJsonBuilder.Build(plan, operation.Config, operation.PriorState, TimeProvider.System.GetUtcNow()));
        }

        return flags.IsTrue("detailed-exitcode") && plan.HasChanges ? 2 : 0;
    }

    private static IEnumerable<Diagnostic> Warnings(SavedPlan plan, IReadOnlyList<string> secrets)
    {
        if (plan.Targets.Count > 0)
        {
            yield return TerraformDiagnostics.TargetingInEffect();
        }

        foreach (var secret in secrets)
        {
            yield return TerraformDiagnostics.ProviderWarning(secret);
        }
    }
}
