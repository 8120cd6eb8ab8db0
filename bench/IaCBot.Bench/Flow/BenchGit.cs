using System.Diagnostics;

namespace IaCBot.Bench.Flow;

/// <summary>
/// Runs the git CLI for the benchmark's repositories (the PR flow's remote, the generated monorepo), with a private
/// HOME so the user's git config plays no part.
/// </summary>
internal sealed class BenchGit(string home)
{
    /// <summary>Runs git in <paramref name="workTree"/> and returns its output, trimmed; throws when git fails.</summary>
    public async Task<string> RunAsync(string workTree, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workTree, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", "user.name=IaCBot Bench", "-c", "user.email=bench@example.invalid", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        return git.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({git.ExitCode}): {await error}");
    }

    /// <summary><see cref="RunAsync"/> for the generator, which writes its repository before anything else runs.</summary>
    public string Run(string workTree, params string[] arguments) => RunAsync(workTree, arguments).GetAwaiter().GetResult();
}
