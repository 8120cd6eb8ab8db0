namespace IaCBot.Core.RepoConfig;

/// <summary>Something wrong in a repo config file, with where it is (1-based line and column) and what to do about it.</summary>
public sealed record ConfigError(string FileName, int Line, int Column, string Message)
{
    public override string ToString() => $"{FileName}:{Line}:{Column}: {Message}";
}
