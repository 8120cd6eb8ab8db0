using System.Diagnostics;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Runs the real <c>git</c> with an argument list (no shell) and a private HOME, so neither the machine's nor the
/// user's git config (signing, hooks, default branch, credential helpers) changes what a test sees.
/// </summary>
internal static class GitCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Variables that would point git at another repository than the one the test names.
    private static readonly string[] RepositoryVariables =
        ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_GLOBAL"];

    /// <summary>Runs git and returns its output; throws with git's own message when it fails.</summary>
    public static string Run(string workingDirectory, string home, params string[] arguments)
    {
        var result = TryRun(workingDirectory, home, arguments);
        return result.ExitCode == 0
            ? result.Output.Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error.Trim()}");
    }

    public static GitResult TryRun(string workingDirectory, string home, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] identity = ["-c", "user.name=IaCBot Tests", "-c", "user.email=tests@iacbot.invalid", "-c", "commit.gpgsign=false"];
        foreach (var argument in (string[])[.. identity, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in RepositoryVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = home;
        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new GitResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
