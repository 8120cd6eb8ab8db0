namespace IaCBot.Core.Vcs;

/// <summary>One pull request (on GitLab, merge request) of one repository.</summary>
public sealed record PullRequestRef(RepoId Repo, int Number)
{
    /// <summary>How people on the host refer to it in text: <c>#12</c>, or <c>!12</c> for a GitLab merge request.</summary>
    public string ShortReference => Repo.Kind == VcsKind.GitLab ? $"!{Number}" : $"#{Number}";

    public override string ToString() => $"{Repo}{ShortReference}";
}
