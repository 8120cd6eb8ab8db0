using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;

namespace IaCBot.Core.Tests.Doubles;

/// <summary>
/// Runs nothing: answers each program from a script keyed by its arguments, and masks the output as the real runner
/// does (the server's secrets and the spec's own, unless the spec keeps them), into the spec's stdout file when it names one. Records every spec it was given.
/// </summary>
internal sealed class ScriptedProcessRunner(Redactor serverSecrets) : IProcessRunner
{
    private readonly List<(Func<ProcessSpec, bool> Matches, int ExitCode, string Output)> _answers = [];

    public List<ProcessSpec> Specs { get; } = [];

    /// <summary>Programs whose arguments start with <paramref name="arguments"/> (after sh's <c>-c</c>, the command) answer so.</summary>
    public ScriptedProcessRunner Answer(string[] arguments, int exitCode, string output)
    {
        _answers.Add((spec => spec.Arguments.Take(arguments.Length).SequenceEqual(arguments), exitCode, output));
        return this;
    }

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        Specs.Add(spec);
        var (_, exitCode, output) = _answers.LastOrDefault(a => a.Matches(spec), (_ => true, 0, ""));
        var masks = spec.KeepSecrets ? Redactor.None : serverSecrets.With(spec.Secrets ?? []);
        if (spec.StdoutFile is { } stdoutFile)
        {
            // As the real runner does: standard output goes to the file alone (masked), and the output keeps the rest.
            File.WriteAllText(stdoutFile, masks.Redact(output));
            output = "";
        }

        return Task.FromResult(new ProcessResult(exitCode, masks.Redact(output), false, TimeSpan.Zero));
    }
}
