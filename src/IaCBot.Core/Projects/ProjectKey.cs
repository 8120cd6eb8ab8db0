namespace IaCBot.Core.Projects;

/// <summary>Where a project runs: a directory of the repo (relative, <c>/</c>-separated, <c>.</c> for the root) and a terraform workspace.</summary>
public sealed record ProjectKey(string Dir, string Workspace)
{
    public const string DefaultWorkspace = "default";

    public override string ToString() => $"{Dir} ({Workspace})";
}
