namespace IaCBot.Core.RepoConfig.Yaml;

/// <summary>
/// Bounds on what a repo config file may cost to read. The file comes from a pull request, so anyone who can open
/// one can send it: these keep a hostile file (huge, deeply nested, or an alias bomb) to bounded time and memory.
/// </summary>
internal static class YamlLimits
{
    public const int MaxBytes = 1024 * 1024;

    public const int MaxDepth = 64;

    public const int MaxAliases = 100;

    /// <summary>Values in the file once aliases are expanded; far above any real config (2,000 projects are ~30,000).</summary>
    public const long MaxValues = 200_000;
}
