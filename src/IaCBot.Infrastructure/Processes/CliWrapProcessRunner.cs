using System.ComponentModel;
using CliWrap;
using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// Runs a program through CliWrap with an argument list (never a shell). On timeout it first interrupts the
/// program (terraform then stops cleanly and releases its state lock), and kills the whole process tree if it
/// has not ended after <paramref name="killGrace"/>. Output streams to the spec's log file as it comes; only its last
/// <paramref name="maxOutputChars"/> characters are kept in memory, so a step printing hundreds of megabytes costs
/// disk, not memory. Every program's output is masked with <paramref name="redactor"/> (the server's secrets) and the
/// spec's own secrets, unless the spec keeps them (and then it is not logged either). No program inherits the
/// server's own <c>IACBOT_*</c> settings, where its tokens may be.
/// </summary>
internal sealed class CliWrapProcessRunner(
    TimeProvider time, TimeSpan killGrace, Redactor redactor, int maxOutputChars = CliWrapProcessRunner.DefaultMaxOutputChars)
    : IProcessRunner
{
    /// <summary>1 MiB of text: the whole of all but the biggest plans, and far more than a comment can show.</summary>
    public const int DefaultMaxOutputChars = 1024 * 1024;

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var masks = spec.KeepSecrets ? Redactor.None : redactor.With(spec.Secrets ?? []);
        var logFile = spec.KeepSecrets ? null : spec.LogFile;
        using var output = new ProcessOutput(maxOutputChars, logFile, spec.StdoutFile, time);
        output.Note(masks.Redact(CommandLine.Describe(spec)));
        var stdout = new MaskedText(masks, output.AddStdout);
        var stderr = new MaskedText(masks, output.Add);
        var command = Cli.Wrap(spec.FileName)
            .WithArguments(spec.Arguments)
            .WithWorkingDirectory(spec.WorkingDirectory)
            .WithEnvironmentVariables(ChildEnvironment.For(spec))
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.Create(stdout.ReadAsync))
            .WithStandardErrorPipe(PipeTarget.Create(stderr.ReadAsync));

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
            return Finish(spec with { LogFile = logFile }, output, result.ExitCode, timedOut: false, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            ProcessTree.Kill(tree);
            if (cancellationToken.IsCancellationRequested)
            {
                output.Note("[iacbot] Cancelled: IaCBot is stopping.");
                throw;
            }

            output.Add($"[iacbot] Stopped after {spec.Timeout}: the time limit for this step.\n");
            return Finish(spec with { LogFile = logFile }, output, -1, timedOut: true, time.GetElapsedTime(started));
        }
        catch (Win32Exception)
        {
            output.Add(masks.Redact(CannotStart(spec)));
            return Finish(spec with { LogFile = logFile }, output, 127, timedOut: false, time.GetElapsedTime(started));
        }
    }

    private static ProcessResult Finish(ProcessSpec spec, ProcessOutput output, int exitCode, bool timedOut, TimeSpan duration)
    {
        if (!timedOut)
        {
            output.Note($"[iacbot] Exit code {exitCode} after {duration.TotalSeconds:0.0}s.");
        }

        var (text, omitted) = output.Result();
        return new ProcessResult(exitCode, text, timedOut, duration, omitted, spec.LogFile);
    }

    private static string CannotStart(ProcessSpec spec)
    {
        var reason = Directory.Exists(spec.WorkingDirectory)
            ? $"it was not found or is not executable (looked for `{spec.FileName}`, on PATH when it is a bare name)"
            : $"its working directory `{spec.WorkingDirectory}` does not exist";
        return $"[iacbot] Could not start `{Path.GetFileName(spec.FileName)}`: {reason}.\n";
    }
}
