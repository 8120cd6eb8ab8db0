namespace IaCBot.Core.Processes;

/// <summary>How a process ended and what it printed (stdout and stderr interleaved, as a terminal shows them).</summary>
/// <param name="Output">What the process printed, secrets masked; only its end when <paramref name="Omitted"/> is set.</param>
/// <param name="TimedOut">True when the timeout ended the process tree; the exit code is then meaningless.</param>
/// <param name="Omitted">What passed the size kept in memory and is missing from the start of <paramref name="Output"/>.</param>
/// <param name="LogFile">The file the whole output was appended to (<see cref="ProcessSpec.LogFile"/>), if any.</param>
public sealed record ProcessResult(
    int ExitCode, string Output, bool TimedOut, TimeSpan Duration, OmittedOutput? Omitted = null, string? LogFile = null)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>True when the output passed the kept size and only its end is in <see cref="Output"/>.</summary>
    public bool OutputTruncated => Omitted is not null;
}
