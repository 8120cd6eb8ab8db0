using System.Diagnostics;

namespace IaCBot.Bench.Monorepo;

/// <summary>Runs the git CLI for the generated monorepo, with a private HOME so the user's git config plays no part.</summary>
internal sealed class BenchGit(string home)
{
    public void Run(string workTree, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workTree, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", "user.name=IaCBot Bench", "-c", "user.email=bench@example.invalid", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({git.ExitCode}): {error.Result}");
        }
    }
}
