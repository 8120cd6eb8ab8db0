namespace IaCBot.Core.Vcs;

/// <summary>Which Git host software serves a repository; it decides the API, the webhooks and how PRs are referred to.</summary>
public enum VcsKind
{
    GitHub,
    GitLab,
    Gitea,
}
