namespace IaCBot.Bench.Intake;

/// <summary>
/// One phase's figures. Percentiles are nearest-rank over every delivery of the phase, timeouts included. The
/// throughput counts 2xx answers only, so an overloaded phase is not credited with deliveries it failed.
/// <see cref="PumpedPerSecond"/> is what the intake pump took from the journal during the phase, per second of it, and
/// <see cref="Backlog"/> what the journal still held for it when the phase ended (accepted so far, less pumped).
/// <see cref="SenderCpuMsPerDelivery"/> is what this benchmark's own process spent sending, on the same cores as the
/// server, <see cref="StolenCpuPercent"/> the share of the machine's CPU the hypervisor gave to other guests, and
/// <see cref="LateP99Ms"/> how late this benchmark began to send (pacing, scheduling: counted in the latency, though
/// the server had no part in it).
/// </summary>
internal sealed record LatencySummary(
    string Phase,
    int Deliveries,
    int Accepted,
    int Non2xx,
    int Timeouts,
    int Errors,
    double Seconds,
    double AcceptedPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double ServerCpuMsPerDelivery,
    double SenderCpuMsPerDelivery,
    double PumpedPerSecond,
    long Backlog,
    double StolenCpuPercent,
    double LateP99Ms)
{
    public static LatencySummary Of(string phase, IReadOnlyList<Outcome> outcomes, TimeSpan wall, PhaseCpu cpu, long pumped, long backlog)
    {
        var sorted = outcomes.Select(o => o.Latency.TotalMilliseconds).Order().ToArray();
        var late = outcomes.Select(o => o.Late.TotalMilliseconds).Order().ToArray();
        double At(double p) => Percentile(sorted, p);
        return new LatencySummary(
            phase,
            outcomes.Count,
            outcomes.Count(o => o.Accepted),
            outcomes.Count(o => o.Status is { } s && s is < 200 or >= 300),
            outcomes.Count(o => o.TimedOut),
            outcomes.Count(o => o.Status is null && !o.TimedOut),
            Math.Round(wall.TotalSeconds, 2),
            Math.Round(outcomes.Count(o => o.Accepted) / wall.TotalSeconds, 1),
            Math.Round(At(0.50), 2),
            Math.Round(At(0.95), 2),
            Math.Round(At(0.99), 2),
            Math.Round(sorted.LastOrDefault(), 2),
            Math.Round(cpu.Server.TotalMilliseconds / Math.Max(1, outcomes.Count), 2),
            Math.Round(cpu.Sender.TotalMilliseconds / Math.Max(1, outcomes.Count), 2),
            Math.Round(pumped / wall.TotalSeconds, 1),
            backlog,
            cpu.StolenPercent,
            Math.Round(Percentile(late, 0.99), 2));
    }

    /// <summary>Nearest rank.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>Where the CPU went during a phase: the server's process, this benchmark's, and the share the host stole.</summary>
internal sealed record PhaseCpu(TimeSpan Server, TimeSpan Sender, double StolenPercent);
