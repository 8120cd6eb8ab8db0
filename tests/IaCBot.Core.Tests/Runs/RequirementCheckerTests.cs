using IaCBot.Core.Runs;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Runs;

public sealed class RequirementCheckerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_review_approved_by_someone_else_approves_the_pull_request()
    {
        Assert.True(RequirementChecker.IsApproved([Review("bob", "APPROVED", 1)], author: "alice"));
    }

    [Fact]
    public void The_author_cannot_approve_their_own_pull_request()
    {
        Assert.False(RequirementChecker.IsApproved([Review("Alice", "APPROVED", 1)], author: "alice"));
    }

    [Fact]
    public void A_later_request_for_changes_by_the_same_reviewer_withdraws_the_approval()
    {
        Assert.False(RequirementChecker.IsApproved(
            [Review("bob", "APPROVED", 1), Review("bob", "CHANGES_REQUESTED", 2)], author: "alice"));
    }

    [Fact]
    public void A_later_plain_comment_by_the_reviewer_keeps_the_approval_as_on_GitHub()
    {
        Assert.True(RequirementChecker.IsApproved(
            [Review("bob", "APPROVED", 1), Review("bob", "COMMENTED", 2)], author: "alice"));
    }

    [Fact]
    public void A_dismissed_approval_no_longer_counts()
    {
        Assert.False(RequirementChecker.IsApproved(
            [Review("bob", "APPROVED", 1), Review("bob", "DISMISSED", 2)], author: "alice"));
    }

    [Fact]
    public void An_approval_after_a_request_for_changes_counts()
    {
        Assert.True(RequirementChecker.IsApproved(
            [Review("bob", "CHANGES_REQUESTED", 1), Review("bob", "APPROVED", 2)], author: "alice"));
    }

    [Fact]
    public void No_reviews_is_not_approved()
    {
        Assert.False(RequirementChecker.IsApproved([], author: "alice"));
    }

    [Theory]
    [InlineData(true, "clean", true)]
    [InlineData(true, "unstable", true)]
    [InlineData(true, "has_hooks", true)]
    [InlineData(true, "blocked", false)]
    [InlineData(false, "dirty", false)]
    [InlineData(null, "unknown", false)]
    public void Mergeable_follows_GitHubs_verdict_and_state(bool? mergeable, string state, bool expected)
    {
        var pull = new PullRequestInfo(
            new PullRequestRef(new RepoId("github.com", "acme", "infra"), 1), "alice", "abc", "feature", "main",
            "https://github.com/acme/infra.git", false, PullRequestState.Open, mergeable, state, "");
        Assert.Equal(expected, RequirementChecker.IsMergeable(pull));
    }

    private static Review Review(string user, string state, int minute) => new(user, state, Start.AddMinutes(minute));
}
