using System.Diagnostics;
using System.Globalization;
using System.Text;
using IaCBot.Bench.Reporting;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;

namespace IaCBot.Bench.Monorepo;

/// <summary>
/// Times <see cref="ProjectFinder.FindForChanges"/> on a generated 2,000-project monorepo for a pull request touching
/// one shared module: the whole choice a plan starts with (one walk of the checkout, module calls, matching). Each run
/// starts from nothing, as each event does; the checkout's files are in the OS cache after the warm-up, as a clone
/// just made would be.
/// </summary>
internal sealed class MonorepoBenchmark(int runs, int warmup, TextWriter output)
{
    public static MonorepoBenchmark Parse(string[] args) =>
        args is ["--smoke", ..] ? new(3, 1, Console.Out) : new(30, 5, Console.Out);

    public int Run()
    {
        var started = TimeProvider.System.GetUtcNow();
        var loadBefore = MachineInfo.LoadAverage();
        using var repo = GeneratedMonorepo.Write();
        var glob = Config("version: 3\nprojects:\n- dir: envs/*\n  workspace: prod\n");
        var cases = new (string Name, string File, RepoConfig? Config, int Expected)[]
        {
            ("module m03 (hundreds), no atlantis.yaml", "modules/m03/main.tf", null, GeneratedMonorepo.Reaching(3)),
            ("module m03 (hundreds), atlantis.yaml `dir: envs/*`", "modules/m03/main.tf", glob, GeneratedMonorepo.Reaching(3)),
            ("module every project calls, no atlantis.yaml", "modules/shared/main.tf", null, GeneratedMonorepo.ProjectCount),
        };
        var results = cases.Select(c => Measure(c.Name, [c.File], c.Config, repo.Root, c.Expected)).ToList();
        var text = Markdown(started, MachineInfo.Read(loadBefore), results);
        output.WriteLine(text);
        if (runs >= 30)
        {
            output.WriteLine($"Written to {Results.Write("monorepo", started, text)}.");
        }

        return 0;
    }

    private Timings Measure(string name, IReadOnlyList<string> changed, RepoConfig? config, string root, int expected)
    {
        for (var i = 0; i < warmup; i++)
        {
            Check(ProjectFinder.FindForChanges(changed, config, root, "main").Count, expected, name);
        }

        var times = new List<TimeSpan>(runs);
        var selected = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            selected = ProjectFinder.FindForChanges(changed, config, root, "main").Count;
            times.Add(clock.Elapsed);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Check(selected, expected, name);
        return Timings.Of(name, selected, times, cpu / runs);
    }

    private static void Check(int selected, int expected, string name)
    {
        if (selected != expected)
        {
            throw new InvalidOperationException($"{name}: chose {selected} projects, expected {expected}.");
        }
    }

    private static RepoConfig Config(string yaml) => RepoConfigParser.Parse(yaml, "atlantis.yaml") is RepoConfigLoadResult.Loaded loaded
        ? loaded.Config
        : throw new InvalidOperationException("The benchmark's atlantis.yaml is invalid.");

    private string Markdown(DateTimeOffset started, MachineInfo m, IReadOnlyList<Timings> results)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Monorepo project selection, {started:yyyy-MM-dd HH:mm:ss} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{GeneratedMonorepo.ProjectCount} projects, {GeneratedMonorepo.ModuleCount} modules shared by hundreds plus one all call; a PR changing one module file. {runs} timed runs after {warmup} untimed. Target: <= 50 ms.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cpu}, {m.Cores} cores, {m.RamGiB} GiB RAM, {m.Os}, {m.DotNet}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min): {m.LoadBefore} before, {m.LoadAfter} after.")
            .AppendLine()
            .AppendLine("CPU ms is the process's processor time (all threads) per run, mean: unlike the wall times it hardly grows with the machine's load.")
            .AppendLine()
            .AppendLine("| Changed | Projects chosen | Runs | Median ms | p95 ms | Max ms | CPU ms |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var t in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Case} | {t.Selected} | {t.Runs} | {t.MedianMs} | {t.P95Ms} | {t.MaxMs} | {t.CpuMs} |");
        }

        return text.ToString();
    }
}
