namespace IaCBot.Bench.Memory;

/// <summary>The server's RSS just before a big plan, the most it reached while that plan ran, and its lifetime peak after.</summary>
internal sealed record PlanGrowth(long OutputBytes, double BeforeMiB, double PeakMiB, double HighWaterMiB, double AfterMiB, TimeSpan Took)
{
    public double GrowthMiB => Math.Round(PeakMiB - BeforeMiB, 1);
}
