using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class AutomergeTests : ServerTest
{
    [Fact]
    public async Task With_automerge_the_pull_request_is_merged_once_every_plan_is_applied()
    {
        UseServerConfig("repos:\n- id: /.*/\n  allowed_overrides: [delete_source_branch_on_merge]\n");
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nautomerge: true\ndelete_source_branch_on_merge: true\nprojects:\n- dir: a\n- dir: b\n",
            ["a/main.tf"] = NullResource("a"),
            ["b/main.tf"] = NullResource("b"),
        });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot apply -d a");
        await CommentContainingAsync(pr, "Ran apply");
        Assert.False(pr.Merged);

        await CommentAsync(pr, "iacbot apply");
        await CommentContainingAsync(pr, "merged automatically");
        Assert.True(pr.Merged);
        Assert.True(GitHub.IsBranchDeleted(Owner, RepoName, pr.HeadBranch));
    }

    [Fact]
    public async Task A_merge_GitHub_refuses_is_explained_on_the_pull_request()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nautomerge: true\nprojects:\n- dir: a\n",
            ["a/main.tf"] = NullResource("a"),
        });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        pr.Mergeable = false;

        await CommentAsync(pr, "iacbot apply");

        var refused = await CommentContainingAsync(pr, "automatic merge was refused");
        Assert.Contains("405", refused.Body, StringComparison.Ordinal);
        Assert.False(pr.Merged);
        Assert.False(GitHub.IsBranchDeleted(Owner, RepoName, pr.HeadBranch));
    }

    [Fact]
    public async Task Without_automerge_nothing_is_merged()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["a/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot apply");

        await CommentContainingAsync(pr, "Ran apply");
        Assert.False(pr.Merged);
        Assert.Equal(0, GitHub.RequestCount("PUT", "/merge"));
    }
}
