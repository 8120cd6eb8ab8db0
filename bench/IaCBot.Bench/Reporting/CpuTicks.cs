namespace IaCBot.Bench.Reporting;

/// <summary>
/// The machine's CPU time so far (Linux's /proc/stat, all cores), and how much of it the hypervisor gave to other
/// guests instead ("steal"). On a shared virtual machine a phase with a high share ran on a slower machine than the
/// report's header says, and its latencies say more about the neighbours than about IaCBot.
/// </summary>
internal readonly record struct CpuTicks(long Stolen, long Total)
{
    /// <summary>user, nice, system, idle, iowait, irq, softirq, steal: guest time is counted in user already.</summary>
    private const int Fields = 8;

    private const int StealField = 7;

    /// <summary>Zero ticks where there is no /proc/stat, which reads as nothing stolen.</summary>
    public static CpuTicks Read()
    {
        var line = File.Exists("/proc/stat") ? File.ReadLines("/proc/stat").FirstOrDefault() : null;
        if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
        {
            return default;
        }

        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(Fields).Select(long.Parse).ToArray();
        return ticks.Length == Fields ? new CpuTicks(ticks[StealField], ticks.Sum()) : default;
    }

    /// <summary>The percentage of the CPU time since <paramref name="before"/> that was stolen.</summary>
    public double StolenPercentSince(CpuTicks before) =>
        Total > before.Total ? Math.Round(100.0 * (Stolen - before.Stolen) / (Total - before.Total), 1) : 0;
}
