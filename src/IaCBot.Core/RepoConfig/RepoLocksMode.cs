namespace IaCBot.Core.RepoConfig;

/// <summary>When a project's lock is taken (<c>repo_locks.mode</c>).</summary>
public enum RepoLocksMode
{
    /// <summary>On plan, the default.</summary>
    OnPlan,

    OnApply,

    Disabled,
}
