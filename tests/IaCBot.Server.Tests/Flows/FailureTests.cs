using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class FailureTests : ServerTest
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["terraform:timeout"] = "3s",
        ["terraform:kill_grace"] = "1s",
    };

    [Fact]
    public async Task A_failing_plan_shows_terraforms_error_and_fails_the_status()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["app/main.tf"] = "# fake-terraform: fail plan\n" + NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("The plan failed.", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Error:", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`iacbot plan -d app`", comment.Body, StringComparison.Ordinal);
        var status = await StatusAsync(pr, StatusContexts.Plan, "failure");
        Assert.Equal("0/1 projects planned", status.Description);
    }

    [Fact]
    public async Task One_failing_project_does_not_stop_the_others()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["bad/main.tf"] = "# fake-terraform: fail init\n" + NullResource("a"),
            ["good/main.tf"] = NullResource("b"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("1 with changes, 0 unchanged, 1 failed", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`terraform init` failed", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_past_its_time_limit_is_stopped_and_the_pull_request_told()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["app/main.tf"] = "# fake-terraform: sleep plan 600\n" + NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("did not finish within its time limit", comment.Body, StringComparison.Ordinal);
        await StatusAsync(pr, StatusContexts.Plan, "failure");
    }

    [Fact]
    public async Task A_comment_GitHub_refuses_with_500_is_retried_and_posted_exactly_once()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        GitHub.FailNext("POST", "/issues/1/comments", 500, times: 3);

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Ran plan");
        await CommentAsync(pr, "iacbot help");
        await CommentNumberAsync(pr, 2);
        Assert.Single(GitHub.Comments(Owner, RepoName, 1), c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.True(GitHub.RequestCount("POST", "/issues/1/comments") >= 5);
    }

    [Fact]
    public async Task Reads_GitHub_answers_with_502_are_retried()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        GitHub.FailNext("GET", "/pulls/1/files", 502, times: 2);

        await DeliverPullRequestAsync("opened", pr);

        Assert.Contains("Plan: 1 to add", (await CommentContainingAsync(pr, "Ran plan")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_GitHub_stays_down_the_pull_request_is_told_once_it_is_back()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        GitHub.FailNext("GET", "/pulls/1/files", 500, times: 20);

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "could not finish");
        Assert.Contains("500", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "plan");
    }

    [Fact]
    public async Task A_plan_too_long_for_one_comment_is_split_into_valid_comments_under_the_limit()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["app/main.tf"] = "# fake-terraform: extra-output plan 3000\n" + NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Plan summary");
        var comments = GitHub.Comments(Owner, RepoName, 1);
        Assert.True(comments.Count >= 2, $"expected a split, got {comments.Count} comment(s)");
        Assert.All(comments, c => Assert.True(c.Body.Length <= 65_536));
        Assert.All(comments, c => Assert.Equal(Count(c.Body, "<details>"), Count(c.Body, "</details>")));
        Assert.All(comments, c => Assert.True(Count(c.Body, "```") % 2 == 0, "a fence is left open"));
        Assert.Contains("continued, part 2 of", comments[1].Body, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
