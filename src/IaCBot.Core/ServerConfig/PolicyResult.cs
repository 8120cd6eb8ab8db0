using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

/// <summary>What the server's policy says of a repo's own config: the settings to use, or why the file is refused.</summary>
public abstract record PolicyResult
{
    private PolicyResult()
    {
    }

    public sealed record Allowed(EffectiveConfig Config) : PolicyResult;

    /// <summary>The repo config sets what the server does not let it set; each error points into the repo's file.</summary>
    public sealed record Refused(IReadOnlyList<ConfigError> Errors) : PolicyResult;
}
