namespace IaCBot.Core.Processes;

/// <summary>
/// A program to run: a file name and an argument list, never a shell string, so nothing from a comment can
/// reach a shell.
/// </summary>
/// <param name="Environment">Variables to set (or, with a null value, to remove) on top of the server's own.</param>
/// <param name="Secrets">Values to mask as <c>***</c> in the output and in any error, on top of the server's own secrets.</param>
/// <param name="KeepSecrets">
/// The output is a value the caller needs exactly as printed (an <c>env</c> step's), not text to show, so nothing is
/// masked in it; whoever shows it masks it. The log file is masked all the same.
/// </param>
/// <param name="LogFile">
/// A file the whole output is appended to as it arrives (masked, after a line naming the command), so that output too
/// big to keep in memory is still there in full, and can be followed while the program runs.
/// </param>
/// <param name="StdoutFile">
/// A file that gets standard output alone (masked), replacing what it held; the output then holds standard error only.
/// For machine-readable output such as <c>terraform show -json</c>, which may be far bigger than the output kept in
/// memory and must not be interleaved with warnings.
/// </param>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string?>? Environment = null,
    IReadOnlyList<string>? Secrets = null,
    bool KeepSecrets = false,
    string? LogFile = null,
    string? StdoutFile = null);
