using System.Diagnostics;

namespace IaCBot.Server.Tests.Cli;

/// <summary>Runs the real built `iacbot` executable to its end, as a user or a CI job would.</summary>
internal static class IaCBotProcess
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iacbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The directory holding IaCBot.sln, found by walking up from the test's output.</summary>
    public static string SolutionRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaCBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IaCBot.sln was not found above " + AppContext.BaseDirectory);
    }
}
