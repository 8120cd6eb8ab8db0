namespace IaCBot.Core.Vcs;

/// <summary>One pull request of one repository.</summary>
public sealed record PullRequestRef(RepoId Repo, int Number)
{
    public override string ToString() => $"{Repo}#{Number}";
}
