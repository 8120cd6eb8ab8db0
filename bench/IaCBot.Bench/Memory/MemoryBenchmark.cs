using System.Diagnostics;
using System.Globalization;
using System.Text;
using IaCBot.Bench.Flow;
using IaCBot.Bench.Reporting;
using IaCBot.Bench.Server;

namespace IaCBot.Bench.Memory;

/// <summary>
/// Starts the real server as an operator would (fresh data_dir, LiteDB and the SQLite queue) and reads its resident
/// memory once it is up and has settled; then, against a GitHub stub that answers and the fake terraform, it plans one
/// small PR (to load the plan's code), a control PR and one whose plan prints <see cref="PlanOutputBytes"/>, reading the RSS every
/// 100 ms meanwhile. Linux only: RSS comes from /proc.
/// </summary>
internal sealed class MemoryBenchmark(bool smoke, TextWriter output)
{
    private const string Secret = "bench-webhook-secret-0123456789";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(10);

    /// <summary>200 MiB; 2 MiB for --smoke.</summary>
    private long PlanOutputBytes => smoke ? 2L << 20 : 200L << 20;

    public async Task<int> RunAsync()
    {
        var started = TimeProvider.System.GetUtcNow();
        var loadBefore = MachineInfo.LoadAverage();
        var work = Directory.CreateTempSubdirectory("iacbot-bench-").FullName;
        using var github = new AnsweringGitHub();
        var remote = await GitRemote.CreateAsync(work);
        var settings = new ServerSettings(Path.Combine(work, "data"), Secret, PullRequestPayload.Allowlist, github.ApiUrl, "iacbot-bench",
            FakeTerraformBinary.Path());
        var samples = new List<double>();
        (PlanGrowth Control, PlanGrowth Big) plans;
        await using (var server = await BenchServer.StartAsync(settings, work))
        {
            output.WriteLine($"Server up at {server.Address}; reading its RSS for {(smoke ? 0 : Settle.TotalSeconds)} s.");
            samples.Add(ResidentMemory.MiBOf(server.ProcessId));
            for (var waited = TimeSpan.Zero; waited < (smoke ? TimeSpan.Zero : Settle); waited += TimeSpan.FromSeconds(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                samples.Add(ResidentMemory.MiBOf(server.ProcessId));
            }

            plans = await MeasurePlansAsync(new PlanFlow(server, github, remote, Secret), server.ProcessId, settings.DataDir);
        }

        var text = Markdown(started, MachineInfo.Read(loadBefore), samples, plans.Control, plans.Big);
        output.WriteLine(text);
        if (!smoke)
        {
            output.WriteLine($"Written to {Results.Write("memory", started, text)}.");
        }

        Directory.Delete(work, recursive: true);
        return 0;
    }

    /// <summary>
    /// A small plan first, untimed, to load the plan's code; then a control plan with no extra output, to show what any
    /// second plan adds; then the big one. Each is read from a settled server.
    /// </summary>
    private async Task<(PlanGrowth Control, PlanGrowth Big)> MeasurePlansAsync(PlanFlow flow, int pid, string dataDir)
    {
        output.WriteLine($"Planning a small PR (untimed), one more with no extra output, then one whose plan prints {PlanOutputBytes >> 20} MiB.");
        await flow.RunAsync(1, Project("warm", 0), Cap);
        var control = await MeasurePlanAsync(flow, pid, dataDir, 2, "control", 0);
        var big = await MeasurePlanAsync(flow, pid, dataDir, 3, "big", PlanOutputBytes);
        return (control, big);
    }

    private async Task<PlanGrowth> MeasurePlanAsync(PlanFlow flow, int pid, string dataDir, int number, string name, long bytes)
    {
        await Task.Delay(TimeSpan.FromSeconds(smoke ? 0 : 5));
        var before = ResidentMemory.MiBOf(pid);
        var peak = before;
        var clock = Stopwatch.StartNew();
        var plan = flow.RunAsync(number, Project(name, bytes), Cap);
        while (!plan.IsCompleted)
        {
            peak = Math.Max(peak, ResidentMemory.MiBOf(pid));
            await Task.WhenAny(plan, Task.Delay(100));
        }

        var times = await plan;
        if (bytes > 0 && !times.Comment.Body.Contains("extra output line", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The plan comment does not show the plan's output:\n{times.Comment.Body[..Math.Min(2000, times.Comment.Body.Length)]}");
        }

        peak = Math.Max(peak, ResidentMemory.MiBOf(pid));
        return new PlanGrowth(bytes, LargestLog(dataDir), before, peak, ResidentMemory.PeakMiBOf(pid), ResidentMemory.MiBOf(pid), clock.Elapsed);
    }

    /// <summary>The biggest run log under data_dir/logs: proof that the output really went through the server.</summary>
    private static long LargestLog(string dataDir)
    {
        var logs = Path.Combine(dataDir, "logs");
        return Directory.Exists(logs) ? Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories).Max(f => (long?)new FileInfo(f).Length) ?? 0 : 0;
    }

    private static Dictionary<string, string> Project(string name, long bytes) => new(StringComparer.Ordinal)
    {
        [$"{name}/main.tf"] = (bytes > 0 ? $"# fake-terraform: extra-bytes plan {bytes.ToString(CultureInfo.InvariantCulture)}\n" : "")
            + $"resource \"null_resource\" \"{name}\" {{\n}}\n",
    };

    private static string Markdown(DateTimeOffset started, MachineInfo m, IReadOnlyList<double> samples, PlanGrowth control, PlanGrowth g) => new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"# Server memory, {started:yyyy-MM-dd HH:mm:ss} UTC")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cpu}, {m.Cores} cores, {m.RamGiB} GiB RAM, {m.Os}, {m.DotNet}.")
        .AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min): {m.LoadBefore} before, {m.LoadAfter} after.")
        .AppendLine()
        .AppendLine("| Measure | MiB | Target |")
        .AppendLine("|---|---:|---:|")
        .AppendLine(CultureInfo.InvariantCulture, $"| RSS when /healthz first answers | {samples[0]} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| RSS idle, {samples.Count - 1} s later | {samples[^1]} | <= 150 |")
        .AppendLine(CultureInfo.InvariantCulture, $"| Highest RSS while idle | {samples.Max()} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| Control plan (no extra output): RSS before / highest / growth | {control.BeforeMiB} / {control.PeakMiB} / {control.GrowthMiB} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| RSS idle just before the big plan | {g.BeforeMiB} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| Highest RSS while the plan printed {g.OutputBytes >> 20} MiB (sampled every 100 ms) | {g.PeakMiB} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| **Growth while a plan prints {g.OutputBytes >> 20} MiB** | **{g.GrowthMiB}** | <= 50 |")
        .AppendLine(CultureInfo.InvariantCulture, $"| VmHWM (lifetime peak) after the plan | {g.HighWaterMiB} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| RSS after the plan | {g.AfterMiB} | |")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"The big plan took {g.Took.TotalSeconds:F1} s from its delivery to its comment and status; its run log on disk holds {g.LogBytes / 1048576.0:F1} MiB. Its output comes from the fake terraform's `extra-bytes plan` knob (100-byte lines); the server streams it to that log and keeps its tail for the comment.")
        .ToString();
}
