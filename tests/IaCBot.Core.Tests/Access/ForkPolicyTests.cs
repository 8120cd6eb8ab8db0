using IaCBot.Core.Access;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Access;

public sealed class ForkPolicyTests
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");

    [Fact]
    public void A_pull_request_from_a_fork_is_refused_naming_the_fork_and_the_setting()
    {
        var refusal = new ForkPolicy(allowForkPrs: false).Refusal(Pull(new RepoId("github.com", "mallory", "infra")), "iacbot plan");

        Assert.StartsWith("Pull requests from forks are disabled on this server, and this one comes from the fork `mallory/infra`, so `iacbot plan` was not run.", refusal, StringComparison.Ordinal);
        Assert.Contains("`server:allow_fork_prs: true`", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pull_request_whose_fork_was_deleted_counts_as_a_fork()
    {
        var refusal = new ForkPolicy(allowForkPrs: false).Refusal(Pull(ForkPolicy.UnknownFork("github.com")), command: null);

        Assert.Contains("comes from a fork that no longer exists, so it was not planned", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pull_request_from_the_base_repository_or_a_fork_on_a_server_that_allows_them_is_not_refused()
    {
        Assert.Null(new ForkPolicy(allowForkPrs: false).Refusal(Pull(null), "iacbot apply"));
        Assert.Null(new ForkPolicy(allowForkPrs: true).Refusal(Pull(new RepoId("github.com", "mallory", "infra")), "iacbot apply"));
    }

    private static PullRequestInfo Pull(RepoId? head) =>
        new(new PullRequestRef(Repo, 1), "mallory", "abc", "patch-1", "main", "https://github.com/x.git", false,
            PullRequestState.Open, true, "clean", "https://github.com/acme/infra/pull/1") { HeadRepo = head };
}
