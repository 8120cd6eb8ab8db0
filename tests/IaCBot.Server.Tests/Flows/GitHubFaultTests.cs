using System.Globalization;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>GitHub's rate limits and a hanging GitHub, as a user of the PR sees them.</summary>
public sealed class GitHubFaultTests : ServerTest
{
    [Fact]
    public async Task A_read_refused_by_the_rate_limit_waits_for_the_reset_and_the_plan_still_happens()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var reset = ResetIn(TimeSpan.FromSeconds(2));
        GitHub.FailNext("GET", "/pulls/1/files", 403, headers: RateLimitUsedUp(reset));

        await DeliverPullRequestAsync("opened", pr);

        Assert.Contains("Plan: 1 to add", (await CommentContainingAsync(pr, "Ran plan")).Body, StringComparison.Ordinal);
        var reads = GitHub.RequestTimes("GET", "/pulls/1/files");
        Assert.Equal(2, reads.Count);
        Assert.True(reads[1] >= reset, $"read again at {reads[1]:O}, before the reset at {reset:O}");
    }

    [Fact]
    public async Task A_rate_limit_that_resets_too_late_fails_at_once_and_the_pull_request_is_told_when_it_resets()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var reset = ResetIn(TimeSpan.FromHours(1));
        GitHub.FailNext("GET", "/pulls/1/files", 403, headers: RateLimitUsedUp(reset));

        // GitHub refuses the reply too, until its own window reopens: the outbox keeps it until then.
        var commentsReset = ResetIn(TimeSpan.FromSeconds(2));
        GitHub.FailNext("POST", "/issues/1/comments", 403, headers: RateLimitUsedUp(commentsReset));

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "rate limit");
        Assert.Contains(reset.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC", comment.Body, StringComparison.Ordinal);
        Assert.Equal(1, GitHub.RequestCount("GET", "/pulls/1/files"));
        Assert.DoesNotContain(TerraformRuns, r => r.Command is "init" or "plan");
        var posts = GitHub.RequestTimes("POST", "/issues/1/comments");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1] >= commentsReset, $"posted again at {posts[1]:O}, before the reset at {commentsReset:O}");
    }

    [Fact]
    public async Task A_comment_refused_by_the_secondary_rate_limit_is_posted_after_retry_after_exactly_once()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        GitHub.SecondaryRateLimitNext("POST", "/issues/1/comments", TimeSpan.FromSeconds(1));

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Ran plan");
        Assert.Single(GitHub.Comments(Owner, RepoName, 1), c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        var posts = GitHub.RequestTimes("POST", "/issues/1/comments");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1] - posts[0] >= TimeSpan.FromSeconds(1), $"posted again after {(posts[1] - posts[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_read_that_gets_no_answer_within_the_request_timeout_is_tried_again()
    {
        TestSettings["github:request_timeout"] = "2s";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        GitHub.DelayNext("GET", "/pulls/1/files", TimeSpan.FromSeconds(6));

        await DeliverPullRequestAsync("opened", pr);

        Assert.Contains("Plan: 1 to add", (await CommentContainingAsync(pr, "Ran plan")).Body, StringComparison.Ordinal);
        Assert.Equal(2, GitHub.RequestCount("GET", "/pulls/1/files"));
    }

    /// <summary>GitHub's reset is in whole epoch seconds.</summary>
    private static DateTimeOffset ResetIn(TimeSpan wait) =>
        DateTimeOffset.FromUnixTimeSeconds((TimeProvider.System.GetUtcNow() + wait).ToUnixTimeSeconds());

    private static Dictionary<string, string> RateLimitUsedUp(DateTimeOffset reset) => new()
    {
        ["X-RateLimit-Remaining"] = "0",
        ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };
}
