namespace IaCBot.Core.RepoConfig;

/// <summary>What the server knows that a repo config may refer to.</summary>
/// <param name="ServerWorkflows">Workflows defined in the server-side repo config; projects may name them.</param>
public sealed record RepoConfigParseOptions(IReadOnlyCollection<string> ServerWorkflows)
{
    public static RepoConfigParseOptions Default { get; } = new([]);
}
