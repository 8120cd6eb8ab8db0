namespace IaCBot.Core.Processes;

/// <summary>Runs programs (git, terraform). The one seam through which IaCBot starts a process.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs the program to its end or its timeout. A program that cannot be started is reported as
    /// exit code 127 with the reason in the output, not thrown, so it reaches the user as a failed step.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken);
}
