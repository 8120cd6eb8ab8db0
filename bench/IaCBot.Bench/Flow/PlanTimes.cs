namespace IaCBot.Bench.Flow;

/// <summary>How long after its delivery was sent a PR's autoplan was reported, and the comment that reported it.</summary>
internal sealed record PlanTimes(TimeSpan UntilComment, TimeSpan UntilStatus, PostedComment Comment)
{
    /// <summary>Until the user sees both: the plan comment and the plan status at success.</summary>
    public TimeSpan UntilDone => UntilComment > UntilStatus ? UntilComment : UntilStatus;
}
