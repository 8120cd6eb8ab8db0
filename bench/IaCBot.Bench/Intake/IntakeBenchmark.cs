using System.Diagnostics;
using System.Globalization;
using IaCBot.Bench.Reporting;
using IaCBot.Bench.Server;

namespace IaCBot.Bench.Intake;

/// <summary>
/// Starts the real server on a fresh data_dir, sends signed deliveries in each phase, kills it and checks that
/// every accepted delivery was recorded and queued once. Exits non-zero when an answer was not a 2xx or a delivery was
/// lost; timing is reported, never asserted.
/// </summary>
internal sealed class IntakeBenchmark(IntakeOptions options, TextWriter output)
{
    private const string Secret = "bench-webhook-secret-0123456789";

    public async Task<int> RunAsync()
    {
        var started = TimeProvider.System.GetUtcNow();
        var loadBefore = MachineInfo.LoadAverage();
        var work = MakeWorkDir();
        var dataDir = Path.Combine(work, "data");

        await using var github = new SilentGitHub();
        await using var postgres = options.Postgres ? await BenchPostgres.StartAsync() : null;
        var factory = new DeliveryFactory(Secret, options.PullRequests, github.WebUrl);
        var settings = new ServerSettings(dataDir, Secret, factory.RepoGlob, github.ApiUrl, "iacbot-bench", PostgresConnection: postgres?.ConnectionString);
        var all = new List<Outcome>();
        var pumpFellBehind = false;
        IReadOnlyList<LatencySummary> phases;
        await using (var server = await BenchServer.StartAsync(settings, work))
        {
            output.WriteLine($"Server up at {server.Address} (data_dir {dataDir}, storage {(postgres is null ? "LiteDB + SQLite" : "PostgreSQL")}); measuring.");
            phases = await SendAsync(server, factory, all);
            if (options.Smoke && !await server.WaitForPumpAsync(all.Count(o => o.Accepted), TimeSpan.FromMinutes(2)))
            {
                output.WriteLine("The intake pump did not queue every accepted delivery within 2 minutes.");
                pumpFellBehind = true;
            }

            await server.KillAsync();
        }

        var loss = postgres is null ? LossCheck.Run(dataDir, all) : await LossCheck.RunAsync(postgres.ConnectionString, all);
        var report = new BenchReport(started, (options.Smoke ? "smoke" : "full") + (options.Postgres ? ", postgres" : ""), MachineInfo.Read(loadBefore), options, phases, loss);
        output.WriteLine(ReportWriter.Markdown(report));
        if (!options.Smoke)
        {
            output.WriteLine($"Written to {ReportWriter.Write(report, ResultsDirectory())} (and .json).");
        }

        // The smoke run also proves the pump: it waited for it, so nothing may still wait in the journal.
        var pumped = !options.Smoke || (!pumpFellBehind && loss.Pending == 0);
        return Conclude(loss.NoneLost && pumped && all.All(o => o.Accepted), all, work);
    }

    private async Task<IReadOnlyList<LatencySummary>> SendAsync(BenchServer server, DeliveryFactory factory, List<Outcome> all)
    {
        using var sender = new DeliverySender(server.Address);
        var load = new LoadPatterns(sender);
        var phases = new List<LatencySummary>();

        // Untimed: the runtime compiles the hot paths again, optimised, during the first thousand or so requests.
        if (options.Warmup > 0)
        {
            all.AddRange(await load.ClosedLoopAsync(factory.Take(options.Warmup), 8));
        }

        foreach (var level in options.Levels)
        {
            await MeasureAsync($"{level} concurrent", server, all, phases, () => load.ClosedLoopAsync(factory.Take(options.PerLevel), level));
        }

        if (options.Burst > 0)
        {
            await MeasureAsync($"burst of {options.Burst}", server, all, phases, () => load.BurstAsync(factory.Take(options.Burst)));
        }

        if (options.Rate > 0 && options.Seconds > 0)
        {
            var paced = factory.Take(options.Rate * options.Seconds);
            await MeasureAsync($"{options.Rate}/s for {options.Seconds} s", server, all, phases, () => load.PacedAsync(paced, options.Rate));
        }

        return phases;
    }

    private int Conclude(bool passed, IReadOnlyList<Outcome> all, string work)
    {
        if (!passed)
        {
            output.WriteLine($"FAILED: {Failures(all)}.");
        }

        if (passed && !options.Keep)
        {
            Directory.Delete(work, recursive: true);
        }
        else
        {
            output.WriteLine($"The server's data_dir and log are in {work}.");
        }

        return passed ? 0 : 1;
    }

    private string MakeWorkDir() => options.WorkDir is { } root
        ? Directory.CreateDirectory(Path.Combine(root, $"iacbot-bench-{Guid.NewGuid():N}")).FullName
        : Directory.CreateTempSubdirectory("iacbot-bench-").FullName;

    private static async Task MeasureAsync(
        string name, BenchServer server, List<Outcome> all, List<LatencySummary> phases, Func<Task<IReadOnlyList<Outcome>>> phase)
    {
        using var pump = new PumpProgress(server.Address);
        var pumpedBefore = await pump.PumpedAsync();
        var cpu = server.CpuTime;
        var ticks = CpuTicks.Read();
        var ownCpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var outcomes = await phase();
        clock.Stop();
        var used = new PhaseCpu(server.CpuTime - cpu, Environment.CpuUsage.TotalTime - ownCpu, CpuTicks.Read().StolenPercentSince(ticks));
        var pumpedAfter = await pump.PumpedAsync();
        all.AddRange(outcomes);
        var backlog = all.Count(o => o.Accepted) - pumpedAfter;
        phases.Add(LatencySummary.Of(name, outcomes, clock.Elapsed, used, pumpedAfter - pumpedBefore, backlog));
    }

    private static string Failures(IEnumerable<Outcome> outcomes) => string.Join("; ", outcomes
        .Where(o => !o.Accepted)
        .GroupBy(o => o.TimedOut ? "timeout" : o.Status?.ToString(CultureInfo.InvariantCulture) ?? o.Error ?? "?")
        .Select(g => $"{g.Count()} x {g.Key}")
        .DefaultIfEmpty("every answer was 2xx, but deliveries were lost or queued twice"));

    /// <summary>bench/results of the repository the command runs in.</summary>
    private static string ResultsDirectory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaCBot.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "results");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "bench-results");
    }
}
