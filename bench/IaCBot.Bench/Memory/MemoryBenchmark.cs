using System.Globalization;
using System.Text;
using IaCBot.Bench.Reporting;
using IaCBot.Bench.Server;

namespace IaCBot.Bench.Memory;

/// <summary>
/// Starts the real server as an operator would (fresh data_dir, LiteDB and the SQLite queue) and reads its resident
/// memory once it is up and has settled. Linux only: RSS comes from /proc.
/// </summary>
internal sealed class MemoryBenchmark(TextWriter output)
{
    private const string Secret = "bench-webhook-secret-0123456789";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public async Task<int> RunAsync()
    {
        var started = TimeProvider.System.GetUtcNow();
        var loadBefore = MachineInfo.LoadAverage();
        var work = Directory.CreateTempSubdirectory("iacbot-bench-").FullName;
        await using var github = new SilentGitHub();
        var settings = new ServerSettings(Path.Combine(work, "data"), Secret, "127.0.0.1/*/*", github.ApiUrl, "iacbot-bench");
        var samples = new List<double>();
        await using (var server = await BenchServer.StartAsync(settings, work))
        {
            output.WriteLine($"Server up at {server.Address}; reading its RSS for {Settle.TotalSeconds} s.");
            samples.Add(ResidentMemory.MiBOf(server.ProcessId));
            for (var waited = TimeSpan.Zero; waited < Settle; waited += TimeSpan.FromSeconds(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                samples.Add(ResidentMemory.MiBOf(server.ProcessId));
            }
        }

        var text = Markdown(started, MachineInfo.Read(loadBefore), samples);
        output.WriteLine(text);
        output.WriteLine($"Written to {Results.Write("memory", started, text)}.");
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static string Markdown(DateTimeOffset started, MachineInfo m, IReadOnlyList<double> samples) => new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"# Server memory, {started:yyyy-MM-dd HH:mm:ss} UTC")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cpu}, {m.Cores} cores, {m.RamGiB} GiB RAM, {m.Os}, {m.DotNet}.")
        .AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min): {m.LoadBefore} before, {m.LoadAfter} after.")
        .AppendLine()
        .AppendLine("| Measure | MiB | Target |")
        .AppendLine("|---|---:|---:|")
        .AppendLine(CultureInfo.InvariantCulture, $"| RSS when /healthz first answers | {samples[0]} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| RSS idle, {Settle.TotalSeconds} s later | {samples[^1]} | <= 150 |")
        .AppendLine(CultureInfo.InvariantCulture, $"| Highest RSS while idle | {samples.Max()} | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| Growth while a plan prints 200 MB | not measured | <= 50 |")
        .AppendLine()
        .AppendLine("Growth is not measured yet: the benchmark's GitHub (a port that never answers) cannot serve the pull request, clone and comments a plan needs, and the server's process runner is internal to it.")
        .ToString();
}
