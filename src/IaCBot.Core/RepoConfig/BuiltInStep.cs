namespace IaCBot.Core.RepoConfig;

/// <summary>The terraform steps a workflow can run by name.</summary>
public enum BuiltInStep
{
    Init,
    Plan,
    Apply,
    Show,
    Import,
    StateRm,
    PolicyCheck,
}
