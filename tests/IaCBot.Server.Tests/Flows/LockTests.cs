using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class LockTests : ServerTest
{
    [Fact]
    public async Task A_second_pull_request_on_a_locked_directory_is_told_who_holds_it_and_nothing_runs_for_it()
    {
        var first = OpenPullRequest(1, new Dictionary<string, string?> { ["envs/prod/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", first);
        await CommentContainingAsync(first, "Ran plan");
        var plansBefore = TerraformRuns.Count(r => r.Command == "plan");

        var second = OpenPullRequest(2, new Dictionary<string, string?> { ["envs/prod/main.tf"] = NullResource("b") }, author: Reviewer);
        await DeliverPullRequestAsync("opened", second);

        var comment = await CommentContainingAsync(second, "Ran plan");
        Assert.Contains("#1 holds the lock", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`iacbot unlock`", comment.Body, StringComparison.Ordinal);
        Assert.Equal(plansBefore, TerraformRuns.Count(r => r.Command == "plan"));
        await StatusAsync(second, Core.Runs.StatusContexts.Plan, "failure");
    }

    [Fact]
    public async Task The_lock_holder_may_plan_again()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentNumberAsync(pr, 1);

        await CommentAsync(pr, "iacbot plan -d app");

        var again = await CommentNumberAsync(pr, 2);
        Assert.Contains("Plan: 1 to add", again.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_discards_the_plans_and_frees_the_directory_for_another_pull_request()
    {
        var first = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", first);
        await CommentNumberAsync(first, 1);

        await CommentAsync(first, "iacbot unlock");
        var unlocked = await CommentNumberAsync(first, 2);
        Assert.Contains("`app`", unlocked.Body, StringComparison.Ordinal);

        await CommentAsync(first, "iacbot apply");
        Assert.Contains("no plan", (await CommentNumberAsync(first, 3)).Body, StringComparison.OrdinalIgnoreCase);

        var second = OpenPullRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });
        await DeliverPullRequestAsync("opened", second);
        Assert.Contains("Plan: 1 to add", (await CommentNumberAsync(second, 1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_releases_the_locks_with_a_comment_and_deletes_the_plans_and_checkout()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentNumberAsync(pr, 1);
        var checkout = Path.Combine(DataDir, "repos", "github.com", Owner, RepoName, "1");
        Assert.True(Directory.Exists(checkout));

        pr.State = "closed";
        pr.Merged = true;
        await DeliverPullRequestAsync("closed", pr);

        var released = await CommentNumberAsync(pr, 2);
        Assert.Contains("released", released.Body, StringComparison.Ordinal);
        Assert.Contains("`app`", released.Body, StringComparison.Ordinal);
        Assert.False(Directory.Exists(checkout));

        var next = OpenPullRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });
        await DeliverPullRequestAsync("opened", next);
        Assert.Contains("Plan: 1 to add", (await CommentNumberAsync(next, 1)).Body, StringComparison.Ordinal);
    }
}
