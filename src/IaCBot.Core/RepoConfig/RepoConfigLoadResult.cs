namespace IaCBot.Core.RepoConfig;

/// <summary>The outcome of looking for and reading a repo config file: none, a valid config, or the errors found.</summary>
public abstract record RepoConfigLoadResult
{
    private RepoConfigLoadResult()
    {
    }

    /// <summary>The repository has no config file: IaCBot finds projects on its own.</summary>
    public sealed record NotFound : RepoConfigLoadResult;

    public sealed record Loaded(RepoConfig Config, string FileName) : RepoConfigLoadResult;

    /// <summary>The file exists but cannot be used; <see cref="Errors"/> lists every problem found, in file order.</summary>
    public sealed record Invalid(string FileName, IReadOnlyList<ConfigError> Errors) : RepoConfigLoadResult;
}
