using System.Text.RegularExpressions;
using IaCBot.Core.Processes;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Terraform;

namespace IaCBot.Core.Workflows;

/// <summary>
/// The <c>run</c>, <c>env</c> and <c>multienv</c> steps. Their commands come from a config file (the server's, or
/// the repo's where the server allows custom workflows), never from comment text; comment arguments reach them
/// only escaped, in <c>COMMENT_ARGS</c>. They run through a shell because that is what a config author writes.
/// </summary>
internal sealed partial class CustomSteps(IProcessRunner processes, TerraformRunner terraform)
{
    public async Task<bool> RunAsync(WorkflowStep.Run step, StageRun run, CancellationToken cancellationToken)
    {
        var result = await ShellAsync(step.Command, step.Shell, step.ShellArgs, run, keepSecrets: false, cancellationToken);
        var output = Filter(result.Output, step.OutputFilters);
        if (!result.Succeeded)
        {
            return run.Fail(output, Failure($"run: {step.Command}", result), result.Omitted);
        }

        run.Show(
            step.Output switch
            {
                RunOutput.Hide => "",
                RunOutput.StripRefreshing => StripRefreshing(output),
                _ => output,
            },
            step.Output == RunOutput.Hide ? null : result.Omitted);
        return true;
    }

    public async Task<bool> RunAsync(WorkflowStep.Env step, StageRun run, CancellationToken cancellationToken)
    {
        if (step.Command is null)
        {
            run.CustomEnvironment[step.Name] = step.Value;
            return true;
        }

        // The printed value becomes the variable as it is, a secret included; the stage masks what it shows.
        var result = await ShellAsync(step.Command, step.Shell, step.ShellArgs, run, keepSecrets: true, cancellationToken);
        if (!result.Succeeded)
        {
            return run.Fail(result, Failure($"env {step.Name}: {step.Command}", result));
        }

        run.CustomEnvironment[step.Name] = result.Output.TrimEnd('\n', '\r');
        return true;
    }

    /// <summary>The command prints <c>NAME=value</c> pairs separated by commas or new lines.</summary>
    public async Task<bool> RunAsync(WorkflowStep.MultiEnv step, StageRun run, CancellationToken cancellationToken)
    {
        var result = await ShellAsync(step.Command, step.Shell, step.ShellArgs, run, keepSecrets: true, cancellationToken);
        if (!result.Succeeded)
        {
            return run.Fail(result, Failure($"multienv: {step.Command}", result));
        }

        foreach (var pair in result.Output.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return run.Fail(result, $"`multienv: {step.Command}` printed `{pair}`, which is not NAME=value.");
            }

            run.CustomEnvironment[pair[..equals]] = pair[(equals + 1)..];
        }

        if (step.Output != RunOutput.Hide)
        {
            run.Show(result);
        }

        return true;
    }

    private Task<ProcessResult> ShellAsync(
        string command, string? shell, IReadOnlyList<string> shellArgs, StageRun run, bool keepSecrets, CancellationToken cancellationToken)
    {
        var arguments = shellArgs.Count > 0 ? [.. shellArgs, command] : new[] { "-c", command };
        var spec = new ProcessSpec(
            shell ?? "sh", arguments, run.Context.ProjectDir, terraform.Timeout, run.CommandEnvironment(),
            [.. terraform.Secrets, .. run.SensitiveValues], keepSecrets, run.Context.Log?.Path);
        return processes.RunAsync(spec, cancellationToken);
    }

    private static string Failure(string step, ProcessResult result) => result.TimedOut
        ? $"`{step}` did not finish within its time limit and was stopped."
        : $"`{step}` failed with exit code {result.ExitCode}.";

    /// <summary>Masks what a <c>filter_regex</c> matches, so a step can hide values it prints.</summary>
    private static string Filter(string output, IReadOnlyList<string> filters) =>
        filters.Aggregate(output, (text, pattern) => Regex.Replace(text, pattern, "***", RegexOptions.None, TimeSpan.FromSeconds(1)));

    /// <summary>Drops everything up to the last refresh line, as Atlantis' <c>strip_refreshing</c> does.</summary>
    private static string StripRefreshing(string output)
    {
        var lines = output.Split('\n');
        var last = Array.FindLastIndex(lines, l => RefreshLine().IsMatch(l));
        return last < 0 ? output : string.Join('\n', lines.Skip(last + 1)).TrimStart('\n');
    }

    [GeneratedRegex(@"Refreshing state\.\.\.|Refreshing\.\.\.")]
    private static partial Regex RefreshLine();
}
