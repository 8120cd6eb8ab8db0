using System.Globalization;
using System.Text;
using IaCBot.Bench.Reporting;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;

namespace IaCBot.Bench.Monorepo;

/// <summary>
/// Times <see cref="ProjectFinder.FindForChanges"/> on a generated 2,000-project monorepo for a pull request touching
/// one shared module: the whole choice a plan starts with (the checkout's git index or a walk, module calls,
/// matching). Four modes: the walk of a plain directory (no git index: the fallback, and all choices before the index
/// was read); the same checkout chosen again; a new checkout of a repository chosen before (a new pull request: a new
/// clone at a new path, its files parsed for earlier ones); and a repository the process never saw (every file read).
/// The checkouts' files are in the OS cache, as a clone just made would be.
/// </summary>
internal sealed class MonorepoBenchmark(int runs, int warmup, int checkouts, int coldRuns, TextWriter output)
{
    private const string Walk = "walk, no git index (fallback; all choices before)";
    private const string SameCheckout = "same checkout again";
    private const string NewCheckout = "new checkout of a repository seen before";
    private const string Cold = "repository never seen (cold)";

    public static MonorepoBenchmark Parse(string[] args) =>
        args is ["--smoke", ..] ? new(3, 1, 1, 1, Console.Out) : new(30, 5, 30, 10, Console.Out);

    public int Run()
    {
        var started = TimeProvider.System.GetUtcNow();
        var loadBefore = MachineInfo.LoadAverage();
        using var repo = GeneratedMonorepo.Write();
        var glob = Config("version: 3\nprojects:\n- dir: envs/*\n  workspace: prod\n");
        MonorepoCase[] cases =
        [
            new("module m03 (hundreds), no atlantis.yaml", "modules/m03/main.tf", null, GeneratedMonorepo.Reaching(3)),
            new("module m03 (hundreds), atlantis.yaml `dir: envs/*`", "modules/m03/main.tf", glob, GeneratedMonorepo.Reaching(3)),
            new("module every project calls, no atlantis.yaml", "modules/shared/main.tf", null, GeneratedMonorepo.ProjectCount),
        ];

        var results = cases.Select(c => Repeated(Walk, c, repo.Root)).ToList();
        repo.Commit();
        var pr = repo.Checkout("pr-0");
        results.AddRange(cases.Select(c => Repeated(SameCheckout, c, pr)));
        results.AddRange(NewCheckouts(repo, cases));
        results.AddRange(NeverSeen(repo, cases));

        var text = Markdown(started, MachineInfo.Read(loadBefore), results);
        output.WriteLine(text);
        if (runs >= 30)
        {
            output.WriteLine($"Written to {Results.Write("monorepo", started, text)}.");
        }

        return 0;
    }

    private Timings Repeated(string mode, MonorepoCase c, string root)
    {
        for (var i = 0; i < warmup; i++)
        {
            ChoiceSamples.WarmUp(c, root);
        }

        var samples = new ChoiceSamples(mode, c);
        for (var i = 0; i < runs; i++)
        {
            samples.Time(root);
        }

        return samples.Summary();
    }

    /// <summary>Each checkout is chosen in once per case, the case going first taking turns.</summary>
    private IEnumerable<Timings> NewCheckouts(GeneratedMonorepo repo, MonorepoCase[] cases)
    {
        var samples = cases.Select(c => new ChoiceSamples(NewCheckout, c)).ToArray();
        for (var i = 0; i < checkouts; i++)
        {
            var path = repo.Checkout($"pr-{i + 1}");
            for (var k = 0; k < samples.Length; k++)
            {
                samples[(i + k) % samples.Length].Time(path);
            }

            Directory.Delete(path, recursive: true);
        }

        return samples.Select(s => s.Summary());
    }

    /// <summary>Each cold choice gets a commit rewriting every file, so that none of its blobs was parsed before.</summary>
    private IEnumerable<Timings> NeverSeen(GeneratedMonorepo repo, MonorepoCase[] cases)
    {
        var variant = 0;
        return cases.Select(c =>
        {
            var samples = new ChoiceSamples(Cold, c);
            for (var i = 0; i < coldRuns; i++)
            {
                repo.CommitVariant(++variant);
                samples.Time(repo.Root);
            }

            return samples.Summary();
        }).ToList();
    }

    private static RepoConfig Config(string yaml) => RepoConfigParser.Parse(yaml, "atlantis.yaml") is RepoConfigLoadResult.Loaded loaded
        ? loaded.Config
        : throw new InvalidOperationException("The benchmark's atlantis.yaml is invalid.");

    private string Markdown(DateTimeOffset started, MachineInfo m, IReadOnlyList<Timings> results)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Monorepo project selection, {started:yyyy-MM-dd HH:mm:ss} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{GeneratedMonorepo.ProjectCount} projects, {GeneratedMonorepo.ModuleCount} modules shared by hundreds plus one all call; a PR changing one module file. Target: <= 50 ms.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Walk and same checkout: {runs} timed runs after {warmup} untimed. New checkout: {checkouts} checkouts made as IaCBot makes them (init, fetch --depth 1, checkout --force, clean), each chosen in once per case. Cold: {coldRuns} runs per case, each after a commit rewriting every file.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cpu}, {m.Cores} cores, {m.RamGiB} GiB RAM, {m.Os}, {m.DotNet}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min): {m.LoadBefore} before, {m.LoadAfter} after.")
            .AppendLine()
            .AppendLine("CPU ms is the process's processor time (all threads) per run, mean: unlike the wall times it hardly grows with the machine's load.")
            .AppendLine()
            .AppendLine("| Checkout | Changed | Projects chosen | Runs | Median ms | p95 ms | Max ms | CPU ms |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var t in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Mode} | {t.Case} | {t.Selected} | {t.Runs} | {t.MedianMs} | {t.P95Ms} | {t.MaxMs} | {t.CpuMs} |");
        }

        return text.ToString();
    }
}
