namespace IaCBot.Core.RepoConfig;

/// <summary>The values allowed in <c>plan_requirements</c>, <c>apply_requirements</c> and <c>import_requirements</c>.</summary>
public static class Requirements
{
    public const string Approved = "approved";

    public const string Mergeable = "mergeable";

    public const string Undiverged = "undiverged";

    public static IReadOnlyList<string> All { get; } = [Approved, Mergeable, Undiverged];
}
