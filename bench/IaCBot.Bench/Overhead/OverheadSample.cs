namespace IaCBot.Bench.Overhead;

/// <summary>One PR planned both ways, and the load average (1 min) just before.</summary>
internal sealed record OverheadSample(PlanScenario Scenario, int Repetition, TimeSpan IaCBot, TimeSpan UntilComment, ScriptTimes Script, string Load)
{
    /// <summary>IaCBot against the script making the same calls: the target's ratio.</summary>
    public double Ratio => IaCBot.TotalSeconds / Script.Total.TotalSeconds;

    /// <summary>IaCBot against the script's init and plan alone: the show step counted as IaCBot's overhead too.</summary>
    public double RatioWithoutShow => IaCBot.TotalSeconds / Script.WithoutShow.TotalSeconds;
}
