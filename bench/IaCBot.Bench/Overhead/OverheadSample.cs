namespace IaCBot.Bench.Overhead;

/// <summary>One PR planned both ways, and the load average (1 min) just before.</summary>
internal sealed record OverheadSample(PlanScenario Scenario, int Repetition, TimeSpan IaCBot, TimeSpan UntilComment, TimeSpan Script, string Load)
{
    public double Ratio => IaCBot.TotalSeconds / Script.TotalSeconds;
}
