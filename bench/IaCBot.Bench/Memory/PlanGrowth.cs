namespace IaCBot.Bench.Memory;

/// <summary>
/// The server's RSS just before a plan, the most it reached while that plan ran and its lifetime peak after, with how
/// much output the plan printed and how much of it the server's run log on disk holds.
/// </summary>
internal sealed record PlanGrowth(long OutputBytes, long LogBytes, double BeforeMiB, double PeakMiB, double HighWaterMiB, double AfterMiB, TimeSpan Took)
{
    public double GrowthMiB => Math.Round(PeakMiB - BeforeMiB, 1);
}
