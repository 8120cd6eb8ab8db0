namespace IaCBot.Core.Processes;

/// <summary>
/// A program to run: a file name and an argument list, never a shell string, so nothing from a comment can
/// reach a shell.
/// </summary>
/// <param name="Environment">Variables to set (or, with a null value, to remove) on top of the server's own.</param>
/// <param name="Secrets">Values to mask as <c>***</c> in the output, on top of the server's own secrets.</param>
/// <param name="KeepSecrets">
/// The output is a value the caller needs exactly as printed (an <c>env</c> step's), not text to show, so nothing is
/// masked in it; whoever shows it masks it.
/// </param>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string?>? Environment = null,
    IReadOnlyList<string>? Secrets = null,
    bool KeepSecrets = false);
