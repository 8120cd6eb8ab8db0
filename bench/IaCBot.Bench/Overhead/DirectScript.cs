using System.Diagnostics;
using System.Globalization;

namespace IaCBot.Bench.Overhead;

/// <summary>
/// The baseline: what IaCBot does for a PR's plan, done by a bash script with nothing around it: a shallow clone of
/// the PR's branch, then in each project, one after another, the three terraform calls IaCBot makes (init, plan, and
/// show -json of the saved plan, which IaCBot reads for the plan's sensitive values), output to files. The script
/// times its show calls too, so that the report can also compare against init and plan alone.
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
          started=$(date +%s%N)
          "$terraform" show -json plan.tfplan >show.json 2>show.log
          show_ns=$(( ${show_ns:-0} + $(date +%s%N) - started ))
        done
        echo "${show_ns:-0}"

        """;

    /// <summary>Runs the script in a fresh directory under <paramref name="workDir"/>; returns its wall time and the part of it its show calls took.</summary>
    public static async Task<ScriptTimes> RunAsync(string workDir, string cloneUrl, string branch, IReadOnlyList<string> dirs, string terraform)
    {
        var script = Path.Combine(workDir, "plan-by-hand.sh");
        await File.WriteAllTextAsync(script, Script);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[script, cloneUrl, branch, Path.Combine(workDir, "by-hand-" + branch), terraform, .. dirs])
        {
            start.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var bash = Process.Start(start)!;
        var shown = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        var took = Stopwatch.GetElapsedTime(started);
        return bash.ExitCode == 0
            ? new ScriptTimes(took, TimeSpan.FromTicks(long.Parse((await shown).Trim(), CultureInfo.InvariantCulture) / 100))
            : throw new InvalidOperationException($"The direct script failed ({bash.ExitCode}): {await error}");
    }
}

/// <summary>The script's wall time, and how much of it went to its <c>terraform show -json</c> calls.</summary>
internal sealed record ScriptTimes(TimeSpan Total, TimeSpan Show)
{
    public TimeSpan WithoutShow => Total - Show;
}
