namespace IaCBot.Core.Vcs;

/// <summary>A repository on a Git host, written <c>github.com/owner/name</c> in allowlists, locks and logs.</summary>
public sealed record RepoId(string Host, string Owner, string Name)
{
    /// <summary><c>owner/name</c>, as the host's API spells it.</summary>
    public string FullName => $"{Owner}/{Name}";

    public override string ToString() => $"{Host}/{Owner}/{Name}";
}
