using IaCBot.Core.Vcs;

namespace IaCBot.Core.Locking;

/// <summary>What a plan locks: one directory and workspace of one repo, whichever PR plans it.</summary>
public sealed record LockKey(RepoId Repo, string Dir, string Workspace)
{
    /// <summary>A stable id such as <c>github.com/acme/infra/envs/prod/default</c>.</summary>
    public string Id => $"{Repo}/{Dir}/{Workspace}";

    public override string ToString() => Id;
}
