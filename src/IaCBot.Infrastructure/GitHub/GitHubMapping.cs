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
            HeadRepo = pr.Head.Repository is { Owner.Login: { } owner, Name: { } name } && owner + "/" + name != repo.FullName
                ? new RepoId(repo.Host, owner, name)
                : null,
            BaseCloneUrl = pr.Base.Repository?.CloneUrl,
        };
    }

    public static Octokit.CommitState ToCommitState(Core.Vcs.CommitState state) => state switch
    {
        Core.Vcs.CommitState.Pending => Octokit.CommitState.Pending,
        Core.Vcs.CommitState.Success => Octokit.CommitState.Success,
        Core.Vcs.CommitState.Failure => Octokit.CommitState.Failure,
        _ => Octokit.CommitState.Error,
    };
}
