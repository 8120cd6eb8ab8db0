using System.Globalization;
using System.Text;
using IaCBot.Bench.Reporting;

namespace IaCBot.Bench.Overhead;

/// <summary>The overhead run as Markdown: one row per scenario (medians), then every sample.</summary>
internal static class OverheadReport
{
    public static string Markdown(DateTimeOffset started, MachineInfo m, OverheadOptions options, IReadOnlyList<OverheadSample> samples, TimeSpan bareCall)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# IaCBot's overhead on a PR plan, {started:yyyy-MM-dd HH:mm:ss} UTC{(options.Smoke ? " (smoke)" : "")}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cpu}, {m.Cores} cores, {m.RamGiB} GiB RAM, {m.Os}, {m.DotNet}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min): {m.LoadBefore} before, {m.LoadAfter} after.")
            .AppendLine()
            .AppendLine("IaCBot: from sending the pull_request delivery until the stub GitHub has the plan comment and the `iacbot/plan` success status.")
            .AppendLine("Script: `git clone --depth 1` of the PR's branch, then in each project, one after another, the calls IaCBot makes: `terraform init`, `terraform plan -out` and `terraform show -json` of the plan.")
            .AppendLine("\"Without show\" compares IaCBot with the script's time less its show calls: init and plan alone, as if reading the plan's sensitive values were overhead too.")
            .AppendLine(CultureInfo.InvariantCulture, $"Each terraform init and plan sleeps the stated delay (the fake terraform's knobs). Medians of {options.Repeat} run(s).")
            .AppendLine()
            .AppendLine("| Scenario | Projects | Delay per call | IaCBot s | Script s | IaCBot/script | Target | Script s without show | IaCBot/script without show | Load (1 min) |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|---|");
        foreach (var group in samples.GroupBy(s => s.Scenario))
        {
            var s = group.Key;
            var ratio = Median(group.Select(x => x.Ratio));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Projects} | {s.DelaySeconds} s | {Median(group.Select(x => x.IaCBot.TotalSeconds)):F2} | {Median(group.Select(x => x.Script.Total.TotalSeconds)):F2} | {ratio:F3} | {Target(s, ratio, options.Smoke)} | {Median(group.Select(x => x.Script.WithoutShow.TotalSeconds)):F2} | {Median(group.Select(x => x.RatioWithoutShow)):F3} | {string.Join(", ", group.Select(x => x.Load))} |");
        }

        text.AppendLine().AppendLine("| Scenario | Run | IaCBot s (until comment) | Script s (its show calls) | IaCBot/script | Without show |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var x in samples)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {x.Scenario.Name} | {x.Repetition} | {x.IaCBot.TotalSeconds:F2} ({x.UntilComment.TotalSeconds:F2}) | {x.Script.Total.TotalSeconds:F2} ({x.Script.Show.TotalSeconds:F2}) | {x.Ratio:F3} | {x.RatioWithoutShow:F3} |");
        }

        return text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"A bare call of the fake terraform (`terraform version`, a .NET program) took {bareCall.TotalSeconds:F2} s here (median of 5). Per project both run three (init, plan, show -json).")
            .ToString();
    }

    private static string Target(PlanScenario s, double ratio, bool smoke) =>
        smoke ? "(smoke: none)"
        : s.Parallel ? $"<= 0.333 (3x faster): {(ratio <= 1 / 3.0 ? "met" : "NOT met")}"
        : $"<= 1.05: {(ratio <= 1.05 ? "met" : "NOT met")}";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
