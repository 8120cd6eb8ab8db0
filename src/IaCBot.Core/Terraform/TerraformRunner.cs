using IaCBot.Core.Processes;

namespace IaCBot.Core.Terraform;

/// <summary>
/// Builds terraform's argument lists and reads its exit codes. Every call goes through <see cref="IProcessRunner"/>
/// as an argument list, so extra arguments from a comment are passed to terraform, never to a shell.
/// </summary>
public sealed class TerraformRunner(IProcessRunner processes, TerraformSettings settings)
{
    // TF_IN_AUTOMATION makes terraform leave out advice to type commands nobody can type here.
    // https://developer.hashicorp.com/terraform/cli/config/environment-variables#tf_in_automation
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["TF_IN_AUTOMATION"] = "true",
        ["TF_INPUT"] = "0",
        ["TF_WORKSPACE"] = null,
    };

    public Task<TerraformStep> InitAsync(string dir, CancellationToken cancellationToken) =>
        RunAsync(dir, ["init", "-input=false"], cancellationToken);

    /// <summary>Selects the workspace, creating it when it does not exist yet.</summary>
    public async Task<TerraformStep> SelectWorkspaceAsync(string dir, string workspace, CancellationToken cancellationToken)
    {
        var show = await RunAsync(dir, ["workspace", "show"], cancellationToken);
        if (show.Succeeded && show.Result.Output.Trim() == workspace)
        {
            return show;
        }

        var select = await RunAsync(dir, ["workspace", "select", workspace], cancellationToken);
        if (select.Succeeded || select.Result.TimedOut)
        {
            return select;
        }

        return await RunAsync(dir, ["workspace", "new", workspace], cancellationToken);
    }

    public async Task<PlanStep> PlanAsync(
        string dir, string planFile, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        var step = await RunAsync(
            dir, ["plan", "-input=false", "-detailed-exitcode", "-out", planFile, .. extraArgs], cancellationToken);
        return new PlanStep(step, HasChanges: step.Result is { TimedOut: false, ExitCode: 2 });
    }

    public Task<TerraformStep> ShowJsonAsync(string dir, string planFile, CancellationToken cancellationToken) =>
        RunAsync(dir, ["show", "-json", planFile], cancellationToken);

    public Task<TerraformStep> ApplyAsync(
        string dir, string planFile, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken) =>
        RunAsync(dir, ["apply", "-input=false", .. extraArgs, planFile], cancellationToken);

    public Task<TerraformStep> VersionAsync(string dir, CancellationToken cancellationToken) =>
        RunAsync(dir, ["version"], cancellationToken);

    private async Task<TerraformStep> RunAsync(string dir, string[] arguments, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(settings.Binary, arguments, dir, settings.Timeout, Environment, settings.Secrets);
        var result = await processes.RunAsync(spec, cancellationToken);
        return new TerraformStep(Describe(arguments), result);
    }

    private static string Describe(string[] arguments) =>
        "terraform " + string.Join(' ', arguments.TakeWhile(a => !a.StartsWith('-')));
}
