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
    private static readonly Dictionary<string, string?> AutomationEnvironment = new()
    {
        ["TF_IN_AUTOMATION"] = "true",
        ["TF_INPUT"] = "0",
        ["TF_WORKSPACE"] = null,
    };

    /// <summary>The binary <c>terraform:binary</c> names, for projects that ask for no particular version.</summary>
    public string DefaultBinary => settings.Binary;

    public TimeSpan Timeout => settings.Timeout;

    public IReadOnlyList<string> Secrets => settings.Secrets ?? [];

    public Task<TerraformStep> InitAsync(TerraformInvocation at, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken) =>
        RunAsync(at, ["init", "-input=false", .. extraArgs], cancellationToken);

    /// <summary>Selects the workspace, creating it when it does not exist yet.</summary>
    public async Task<TerraformStep> SelectWorkspaceAsync(TerraformInvocation at, string workspace, CancellationToken cancellationToken)
    {
        // Terraform keeps the selected workspace in its data directory; reading it there spares starting terraform
        // for every project of every plan, which is nearly always already in the right one.
        if (SelectedWorkspace.Read(at) == workspace)
        {
            return new TerraformStep("terraform workspace show", new ProcessResult(0, workspace + "\n", TimedOut: false, TimeSpan.Zero));
        }

        var select = await RunAsync(at, ["workspace", "select", workspace], cancellationToken);
        if (select.Succeeded || select.Result.TimedOut)
        {
            return select;
        }

        return await RunAsync(at, ["workspace", "new", workspace], cancellationToken);
    }

    public async Task<PlanStep> PlanAsync(
        TerraformInvocation at, string planFile, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        var step = await RunAsync(at, ["plan", "-input=false", "-detailed-exitcode", "-out", planFile, .. extraArgs], cancellationToken);
        return new PlanStep(step, HasChanges: step.Result is { TimedOut: false, ExitCode: 2 });
    }

    /// <summary>
    /// Writes the plan's JSON to <paramref name="showFile"/> (replacing it) rather than to memory: for a big plan it is
    /// bigger still than the plan's text. Read it with <see cref="PlanSummary.FromShowJsonFileAsync"/>.
    /// </summary>
    public Task<TerraformStep> ShowJsonAsync(TerraformInvocation at, string planFile, string showFile, CancellationToken cancellationToken) =>
        RunAsync(at, ["show", "-json", planFile], cancellationToken, showFile);

    public Task<TerraformStep> ApplyAsync(
        TerraformInvocation at, string planFile, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken) =>
        RunAsync(at, ["apply", "-input=false", .. extraArgs, planFile], cancellationToken);

    public Task<TerraformStep> ImportAsync(
        TerraformInvocation at, string address, string id, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken) =>
        RunAsync(at, ["import", "-input=false", .. extraArgs, address, id], cancellationToken);

    public Task<TerraformStep> StateRmAsync(
        TerraformInvocation at, IReadOnlyList<string> addresses, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken) =>
        RunAsync(at, ["state", "rm", .. extraArgs, .. addresses], cancellationToken);

    public Task<TerraformStep> VersionAsync(TerraformInvocation at, CancellationToken cancellationToken) =>
        RunAsync(at, ["version"], cancellationToken);

    private async Task<TerraformStep> RunAsync(
        TerraformInvocation at, string[] arguments, CancellationToken cancellationToken, string? stdoutFile = null)
    {
        var environment = new Dictionary<string, string?>(at.Environment);
        foreach (var (key, value) in AutomationEnvironment)
        {
            environment[key] = value;
        }

        var spec = new ProcessSpec(at.Binary, arguments, at.Dir, settings.Timeout, environment, settings.Secrets, LogFile: at.LogFile, StdoutFile: stdoutFile);
        var result = await processes.RunAsync(spec, cancellationToken);
        return new TerraformStep(Describe(arguments), result);
    }

    private static string Describe(string[] arguments) =>
        "terraform " + string.Join(' ', arguments.TakeWhile(a => !a.StartsWith('-')).Take(2));
}
