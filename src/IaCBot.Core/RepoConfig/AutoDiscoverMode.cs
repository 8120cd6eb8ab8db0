namespace IaCBot.Core.RepoConfig;

/// <summary>When IaCBot looks for projects on its own besides the configured ones.</summary>
public enum AutoDiscoverMode
{
    /// <summary>Only when the config lists no projects (the default).</summary>
    Auto,

    /// <summary>Always; a directory with a configured project keeps its configuration.</summary>
    Enabled,

    /// <summary>Never.</summary>
    Disabled,
}
