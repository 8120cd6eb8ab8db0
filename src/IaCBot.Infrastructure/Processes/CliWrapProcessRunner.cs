using System.ComponentModel;
using CliWrap;
using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// Runs a program through CliWrap with an argument list (never a shell). On timeout it first interrupts the
/// program (terraform then stops cleanly and releases its state lock), and kills the whole process tree if it
/// has not ended after <paramref name="killGrace"/>. Every program's output is masked with
/// <paramref name="redactor"/> (the server's secrets) and the spec's own secrets, unless the spec keeps them.
/// </summary>
internal sealed class CliWrapProcessRunner(TimeProvider time, TimeSpan killGrace, Redactor redactor, int maxOutputChars = 20_000_000)
    : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var masks = spec.KeepSecrets ? Redactor.None : redactor.With(spec.Secrets ?? []);
        var output = new OutputBuffer(maxOutputChars, masks);
        var command = Cli.Wrap(spec.FileName)
            .WithArguments(spec.Arguments)
            .WithWorkingDirectory(spec.WorkingDirectory)
            .WithEnvironmentVariables(spec.Environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(output.Add))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(output.Add));

        using var timeout = new CancellationTokenSource(spec.Timeout, time);
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var forceful = new CancellationTokenSource();
        await using var escalate = graceful.Token.Register(() => forceful.CancelAfter(killGrace));
        var started = time.GetTimestamp();
        IReadOnlyList<int> tree = [];
        try
        {
            var task = command.ExecuteAsync(forceful.Token, graceful.Token);
            await using var snapshot = graceful.Token.Register(() => tree = ProcessTree.Descendants(task.ProcessId));
            var result = await task;
            return new ProcessResult(result.ExitCode, output.ToString(), TimedOut: false, time.GetElapsedTime(started), output.Truncated);
        }
        catch (OperationCanceledException)
        {
            ProcessTree.Kill(tree);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            output.Add($"[iacbot] Stopped after {spec.Timeout}: the time limit for this step.");
            return new ProcessResult(-1, output.ToString(), TimedOut: true, time.GetElapsedTime(started), output.Truncated);
        }
        catch (Win32Exception)
        {
            var cannotStart = CannotStart(spec, time.GetElapsedTime(started));
            return cannotStart with { Output = masks.Redact(cannotStart.Output) };
        }
    }

    private static ProcessResult CannotStart(ProcessSpec spec, TimeSpan duration)
    {
        var reason = Directory.Exists(spec.WorkingDirectory)
            ? $"it was not found or is not executable (looked for `{spec.FileName}`, on PATH when it is a bare name)"
            : $"its working directory `{spec.WorkingDirectory}` does not exist";
        return new ProcessResult(127, $"[iacbot] Could not start `{Path.GetFileName(spec.FileName)}`: {reason}.\n", false, duration);
    }
}
