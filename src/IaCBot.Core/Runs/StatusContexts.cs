namespace IaCBot.Core.Runs;

/// <summary>The names of IaCBot's commit statuses, which branch protection rules can require.</summary>
public static class StatusContexts
{
    public const string Plan = "iacbot/plan";

    public const string Apply = "iacbot/apply";
}
