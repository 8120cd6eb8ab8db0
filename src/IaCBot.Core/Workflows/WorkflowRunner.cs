using IaCBot.Core.Commands;
using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Terraform;

namespace IaCBot.Core.Workflows;

/// <summary>
/// Runs one stage of a project's workflow step by step. A failing step stops the stage; its output is kept to
/// be shown with what came before it. What the stage shows has the plan's sensitive values masked, since a custom
/// step may print what terraform itself hides.
/// </summary>
/// <param name="maxShownChars">How much of the steps' shown output a stage keeps: its end, as each process keeps.</param>
public sealed class WorkflowRunner(TerraformRunner terraform, IProcessRunner processes, int maxShownChars = WorkflowRunner.DefaultMaxShownChars)
{
    public const int DefaultMaxShownChars = 1024 * 1024;

    private readonly BuiltInSteps _builtIn = new(terraform);
    private readonly CustomSteps _custom = new(processes, terraform);

    public async Task<StageResult> RunAsync(WorkflowStage stage, CommandKind command, StepContext context, CancellationToken cancellationToken)
    {
        var run = new StageRun(context, maxShownChars);
        await LoadSavedSensitiveValuesAsync(run, cancellationToken);
        foreach (var step in stage.Steps)
        {
            var recorded = context.Steps is { } steps ? await steps.StartedAsync(StepName(step), cancellationToken) : -1;
            var succeeded = step switch
            {
                WorkflowStep.BuiltIn builtIn => await _builtIn.RunAsync(builtIn, run, command, cancellationToken),
                WorkflowStep.Run custom => await _custom.RunAsync(custom, run, cancellationToken),
                WorkflowStep.Env env => await _custom.RunAsync(env, run, cancellationToken),
                WorkflowStep.MultiEnv multi => await _custom.RunAsync(multi, run, cancellationToken),
                _ => run.Fail("", $"Unknown step {step.GetType().Name}."),
            };
            if (context.Steps is { } ended)
            {
                await ended.EndedAsync(recorded, succeeded, cancellationToken);
            }

            if (!succeeded)
            {
                var masks = new Redactor(run.SensitiveValues);
                return StageResult.Failed(masks.Redact(run.Output), masks.Redact(run.Failure ?? "A step failed."), run.Omitted);
            }
        }

        return new StageResult(true, new Redactor(run.SensitiveValues).Redact(run.Output), null, run.Plan, run.Omitted);
    }

    /// <summary>
    /// An apply (or import, or a plan run again) comes after the plan whose JSON the plan step left in the project
    /// directory; its sensitive values are masked from the first step on.
    /// </summary>
    private static async Task LoadSavedSensitiveValuesAsync(StageRun run, CancellationToken cancellationToken)
    {
        if (File.Exists(run.Context.ShowFile))
        {
            await run.AddSensitiveValuesAsync(run.Context.ShowFile, cancellationToken);
        }
    }

    /// <summary>The step as the run page shows it; a custom step's command line stays out, as it may hold values.</summary>
    private static string StepName(WorkflowStep step) => step switch
    {
        WorkflowStep.BuiltIn builtIn => builtIn.Kind.ToString().ToLowerInvariant(),
        WorkflowStep.Env env => $"env {env.Name}",
        WorkflowStep.MultiEnv => "multienv",
        _ => "run",
    };
}
