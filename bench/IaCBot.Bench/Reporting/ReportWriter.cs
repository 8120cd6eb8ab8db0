using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IaCBot.Bench.Reporting;

internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static string Markdown(BenchReport report)
    {
        var m = report.Machine;
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Webhook intake, {report.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC ({report.Mode})")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cpu}, {m.Cores} cores, {m.RamGiB} GiB RAM, {m.Os}, {m.DotNet}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min): {m.LoadBefore} before, {m.LoadAfter} after.")
            .AppendLine("Sender CPU: this benchmark's own process, on the same cores. CPU stolen: the share of the machine's CPU time its hypervisor gave to other guests during the phase. Sent late p99: how long after it was due the benchmark began to send a delivery (counted in its latency).")
            .AppendLine()
            .AppendLine("| Phase | Deliveries | 2xx | Non-2xx | Timeouts | Errors | Seconds | 2xx/s | p50 ms | p95 ms | p99 ms | Max ms | Server CPU ms/delivery | Sender CPU ms/delivery | Pumped/s | Backlog at end | CPU stolen % | Sent late p99 ms |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in report.Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Phase} | {p.Deliveries} | {p.Accepted} | {p.Non2xx} | {p.Timeouts} | {p.Errors} | {p.Seconds} | {p.AcceptedPerSecond} | {p.P50Ms} | {p.P95Ms} | {p.P99Ms} | {p.MaxMs} | {p.ServerCpuMsPerDelivery} | {p.SenderCpuMsPerDelivery} | {p.PumpedPerSecond} | {p.Backlog} | {p.StolenCpuPercent} | {p.LateP99Ms} |");
        }

        var l = report.Loss;
        var hidden = l.SeenOnlyAfterCheckpoint > 0
            ? string.Create(CultureInfo.InvariantCulture, $" {l.SeenOnlyAfterCheckpoint} of them were seen only after LiteDB's checkpoint (a read before it missed them).")
            : "";
        return text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"None lost: {(l.NoneLost ? "yes" : "NO")}. Sent {l.Sent}, answered 2xx {l.Accepted}, delivery ids recorded {l.Recorded}, jobs queued {l.Jobs}, still in the intake journal at the kill {l.Pending}; lost {l.Lost}, extra jobs {l.ExtraJobs}.{hidden}")
            .ToString();
    }

    /// <summary>Writes intake-&lt;yyyyMMdd-HHmmss&gt;.md and .json (UTC) to <paramref name="directory"/>; returns the .md path.</summary>
    public static string Write(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"intake-{report.StartedUtc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        File.WriteAllText(stem + ".md", Markdown(report));
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(report, JsonOptions));
        return stem + ".md";
    }
}
