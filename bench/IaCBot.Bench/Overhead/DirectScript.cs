using System.Diagnostics;

namespace IaCBot.Bench.Overhead;

/// <summary>
/// The baseline: what IaCBot does for a PR's plan, done by a bash script with nothing around it: a shallow clone of
/// the PR's branch, then terraform init and plan in each project, one after another, output to files.
/// </summary>
internal static class DirectScript
{
    private const string Script = """
        #!/usr/bin/env bash
        set -euo pipefail
        remote=$1 branch=$2 checkout=$3 terraform=$4
        shift 4
        export TF_IN_AUTOMATION=1
        git clone --quiet --depth 1 --branch "$branch" "$remote" "$checkout"
        for dir in "$@"; do
          cd "$checkout/$dir"
          "$terraform" init -input=false >init.log 2>&1
          code=0
          "$terraform" plan -input=false -detailed-exitcode -out=plan.tfplan >plan.log 2>&1 || code=$?
          # -detailed-exitcode: 0 no changes, 2 changes; anything else is a failed plan.
          [ "$code" -eq 0 ] || [ "$code" -eq 2 ]
        done

        """;

    /// <summary>Runs the script in a fresh directory under <paramref name="workDir"/>; returns its wall time.</summary>
    public static async Task<TimeSpan> RunAsync(string workDir, string cloneUrl, string branch, IReadOnlyList<string> dirs, string terraform)
    {
        var script = Path.Combine(workDir, "plan-by-hand.sh");
        await File.WriteAllTextAsync(script, Script);
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        foreach (var argument in (string[])[script, cloneUrl, branch, Path.Combine(workDir, "by-hand-" + branch), terraform, .. dirs])
        {
            start.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var bash = Process.Start(start)!;
        var error = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        var took = Stopwatch.GetElapsedTime(started);
        return bash.ExitCode == 0 ? took : throw new InvalidOperationException($"The direct script failed ({bash.ExitCode}): {await error}");
    }
}
