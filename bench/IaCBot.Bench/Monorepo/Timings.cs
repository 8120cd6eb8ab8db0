namespace IaCBot.Bench.Monorepo;

/// <summary>
/// Median, p95 (nearest rank) and max of a case's timed runs, in milliseconds, and the processor time a run took on
/// average across all threads.
/// </summary>
internal sealed record Timings(string Mode, string Case, int Selected, int Runs, double MedianMs, double P95Ms, double MaxMs, double CpuMs)
{
    public static Timings Of(string mode, string name, int selected, IReadOnlyList<TimeSpan> runs, TimeSpan cpuPerRun)
    {
        var sorted = runs.Select(r => r.TotalMilliseconds).Order().ToArray();
        double At(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Timings(mode, name, selected, sorted.Length, Math.Round(At(0.5), 2), Math.Round(At(0.95), 2), Math.Round(sorted[^1], 2), Math.Round(cpuPerRun.TotalMilliseconds, 2));
    }
}
