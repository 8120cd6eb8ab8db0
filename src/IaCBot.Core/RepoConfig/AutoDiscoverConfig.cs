namespace IaCBot.Core.RepoConfig;

/// <summary>The <c>autodiscover</c> block: its mode and the directory globs (doublestar syntax) to leave out.</summary>
public sealed record AutoDiscoverConfig(AutoDiscoverMode Mode, IReadOnlyList<string> IgnorePaths)
{
    public static AutoDiscoverConfig Default { get; } = new(AutoDiscoverMode.Auto, []);
}
