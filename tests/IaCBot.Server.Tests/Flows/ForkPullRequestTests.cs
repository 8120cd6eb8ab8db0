using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class ForkPullRequestTests : ServerTest
{
    [Fact]
    public async Task A_pull_request_from_a_fork_is_not_planned_and_is_told_why()
    {
        var pr = ForkPullRequest();

        await DeliverPullRequestAsync("opened", pr);

        var reply = await CommentNumberAsync(pr, 1);
        Assert.StartsWith(
            "Pull requests from forks are disabled on this server, and this one comes from the fork `mallory/infra`, so it was not planned.",
            reply.Body, StringComparison.Ordinal);
        Assert.Contains("`server:allow_fork_prs: true`", reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Theory]
    [InlineData("iacbot plan")]
    [InlineData("iacbot apply")]
    [InlineData("atlantis unlock")]
    public async Task Every_command_on_a_fork_pull_request_is_refused_even_from_a_writer(string command)
    {
        var pr = ForkPullRequest();

        await CommentAsync(pr, command, user: "alice");

        var reply = await CommentNumberAsync(pr, 1);
        Assert.StartsWith(
            $"Pull requests from forks are disabled on this server, and this one comes from the fork `mallory/infra`, so `{command}` was not run.",
            reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task A_pull_request_whose_fork_was_deleted_is_refused_too()
    {
        var pr = ForkPullRequest();
        pr.ForkDeleted = true;

        await CommentAsync(pr, "iacbot plan");

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("comes from a fork that no longer exists, so `iacbot plan` was not run", reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task A_push_to_a_fork_pull_request_is_not_planned_and_not_commented_on_again()
    {
        var pr = ForkPullRequest();
        await DeliverPullRequestAsync("opened", pr);
        await CommentNumberAsync(pr, 1);

        Push(pr, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });
        await DeliverPullRequestAsync("synchronize", pr);
        await CommentAsync(pr, "iacbot version");
        await CommentNumberAsync(pr, 2);

        Assert.Equal(2, GitHub.Comments(Owner, RepoName, pr.Number).Count);
        Assert.Contains("`iacbot version` was not run", GitHub.Comments(Owner, RepoName, pr.Number)[1].Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task With_allow_fork_prs_a_fork_pull_request_is_planned()
    {
        TestSettings["server:allow_fork_prs"] = "true";
        var pr = ForkPullRequest();

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains(TerraformRuns, r => r.Command == "plan");
    }

    private FakePullRequest ForkPullRequest()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, author: "mallory");
        pr.ForkOwner = "mallory";
        pr.ForkName = "infra";
        return pr;
    }
}
