using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

/// <summary>The outcome of reading a server-side repo config (repos.yaml): a usable config, or every problem found.</summary>
public abstract record ServerConfigParseResult
{
    private ServerConfigParseResult()
    {
    }

    public sealed record Loaded(ServerConfig Config) : ServerConfigParseResult;

    /// <summary>The file cannot be used; <see cref="Errors"/> lists every problem found, in file order.</summary>
    public sealed record Invalid(IReadOnlyList<ConfigError> Errors) : ServerConfigParseResult;
}
