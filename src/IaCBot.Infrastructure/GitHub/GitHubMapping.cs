using IaCBot.Core.Access;
using IaCBot.Core.Vcs;
using Octokit;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>Octokit's models to IaCBot's.</summary>
internal static class GitHubMapping
{
    public static PullRequestInfo ToPullRequestInfo(RepoId repo, PullRequest pr)
    {
        var state = pr.Merged ? PullRequestState.Merged
            : pr.State.Value == ItemState.Closed ? PullRequestState.Closed
            : PullRequestState.Open;
        return new PullRequestInfo(
            new PullRequestRef(repo, pr.Number),
            pr.User?.Login ?? "",
            pr.Head.Sha,
            pr.Head.Ref,
            pr.Base.Ref,
            pr.Head.Repository?.CloneUrl ?? pr.Base.Repository.CloneUrl,
            pr.Draft,
            state,
            pr.Mergeable,
            pr.MergeableState?.StringValue,
            pr.HtmlUrl)
        {
            HeadRepo = HeadRepo(repo, pr.Head.Repository),
            BaseCloneUrl = pr.Base.Repository?.CloneUrl,
        };
    }

    /// <summary>
    /// The fork a PR comes from, null for the base repository. GitHub sends no head repository once the fork is
    /// deleted; such a PR cannot be shown to come from the base repository, so it counts as a fork.
    /// </summary>
    private static RepoId? HeadRepo(RepoId repo, Repository? head) => head switch
    {
        { Owner.Login: { } owner, Name: { } name } when owner + "/" + name == repo.FullName => null,
        { Owner.Login: { } owner, Name: { } name } => new RepoId(repo.Host, owner, name),
        _ => ForkPolicy.UnknownFork(repo.Host),
    };

    /// <summary>
    /// GitHub's <c>role_name</c> names the role exactly (maintain, triage); <c>permission</c> folds them into write and
    /// read and is the base of a custom role, so it is the fallback. Anything unknown is no access.
    /// </summary>
    public static RepoRole ToRepoRole(string? permission, string? roleName) =>
        Parse(roleName) ?? Parse(permission) ?? RepoRole.None;

    private static RepoRole? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "admin" => RepoRole.Admin,
        "maintain" => RepoRole.Maintain,
        "write" or "push" => RepoRole.Write,
        "triage" => RepoRole.Triage,
        "read" or "pull" => RepoRole.Read,
        "none" => RepoRole.None,
        _ => null,
    };

    public static Octokit.CommitState ToCommitState(Core.Vcs.CommitState state) => state switch
    {
        Core.Vcs.CommitState.Pending => Octokit.CommitState.Pending,
        Core.Vcs.CommitState.Success => Octokit.CommitState.Success,
        Core.Vcs.CommitState.Failure => Octokit.CommitState.Failure,
        _ => Octokit.CommitState.Error,
    };
}
