namespace IaCBot.Core.Processes;

/// <summary>How a process ended and what it printed (stdout and stderr interleaved, as a terminal shows them).</summary>
/// <param name="TimedOut">True when the timeout ended the process tree; the exit code is then meaningless.</param>
/// <param name="OutputTruncated">True when the output passed the kept size and only its tail is in <paramref name="Output"/>.</param>
public sealed record ProcessResult(int ExitCode, string Output, bool TimedOut, TimeSpan Duration, bool OutputTruncated = false)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;
}
