namespace IaCBot.Core.Vcs;

/// <summary>A repository on a Git host, written <c>github.com/owner/name</c> in allowlists, locks and logs.</summary>
/// <param name="Owner">The owner, or for GitLab the full namespace of nested groups (<c>group/sub</c>).</param>
/// <param name="Kind">The host's software; GitHub unless said otherwise.</param>
public sealed record RepoId(string Host, string Owner, string Name, VcsKind Kind = VcsKind.GitHub)
{
    /// <summary><c>owner/name</c>, as the host's API spells it.</summary>
    public string FullName => $"{Owner}/{Name}";

    public override string ToString() => $"{Host}/{Owner}/{Name}";
}
