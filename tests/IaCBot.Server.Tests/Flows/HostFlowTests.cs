using System.Net;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// The pull request flow every Git host must give alike, run once per host against its fake: each nested class is
/// one host, so a failure names it (<c>HostFlowTests+OnGitLab.Unlock_...</c>). The server is configured for GitHub
/// and, in the GitLab and Gitea runs, for that host beside it, as a user serving both would configure it.
/// </summary>
public abstract class HostFlowTests : ServerTest, IDisposable
{
    /// <summary>Lines of long resource tags the fake terraform adds to the plan: about 75,000 characters of output.</summary>
    private const int ExtraPlanLines = 500;

    private readonly IGitHostUnderTest _host;

    private HostFlowTests(Func<FakeGitHub, IGitHostUnderTest> host) => _host = host(GitHub);

    protected override IReadOnlyDictionary<string, string?> Settings => _host.Settings;

    [Fact]
    public async Task An_opened_pull_request_is_planned_with_a_comment_and_a_plan_status()
    {
        Open(1, "app");

        await DeliverAsync(_host.PullRequestEvent(1, PullRequestChange.Opened, _host.WebhookSecret));

        var comment = await CommentContainingAsync(1, "Ran plan");
        Assert.Contains("Plan: 1 to add", comment.Body, StringComparison.Ordinal);
        Assert.Equal(_host.BotUser, comment.User);
        await PlanStatusAsync(1, "success");
    }

    [Fact]
    public async Task A_second_pull_request_on_a_locked_directory_is_told_which_one_holds_the_lock()
    {
        await PlannedAsync(1, "envs/prod");
        var plans = TerraformRuns.Count(r => r.Command == "plan");

        Open(2, "envs/prod", Reviewer);
        await DeliverAsync(_host.PullRequestEvent(2, PullRequestChange.Opened, _host.WebhookSecret));

        var comment = await CommentContainingAsync(2, "Ran plan");
        Assert.Contains($"{_host.Reference(1)} holds the lock", comment.Body, StringComparison.Ordinal);
        Assert.Equal(plans, TerraformRuns.Count(r => r.Command == "plan"));
        await PlanStatusAsync(2, _host.FailureState);
    }

    [Fact]
    public async Task Apply_is_refused_until_someone_other_than_the_author_approves()
    {
        UseServerConfig("repos:\n- id: /.*/\n  apply_requirements: [approved]\n");
        await PlannedAsync(1, "app");

        _host.Approve(1, Author);
        await CommentAsync(1, "iacbot apply");
        var refused = await CommentContainingAsync(1, "Ran apply");
        Assert.Contains("approved by someone other than its author", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");

        _host.Approve(1, Reviewer);
        await CommentAsync(1, "atlantis apply");
        var applied = await CommentContainingAsync(1, "Apply complete!");
        Assert.Contains("1 applied", applied.Body, StringComparison.Ordinal);
        await _host.WaitForStatusAsync(_host.HeadSha(1), s => s.Context == StatusContexts.Apply && s.State == "success");
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task A_plan_made_before_a_push_is_not_applied_until_the_new_head_is_planned()
    {
        var firstPlan = await PlannedAsync(1, "app");
        var head = Repo.Commit("change-1", new Dictionary<string, string?> { ["app/extra.tf"] = NullResource("extra") }, "Another change");
        _host.Push(1, head, ["app/extra.tf"]);

        await CommentAsync(1, "iacbot apply");
        var refused = await CommentContainingAsync(1, "Ran apply");
        Assert.Contains("It was discarded", refused.Body, StringComparison.Ordinal);
        await _host.WaitForStatusAsync(head, s => s.Context == StatusContexts.Apply && s.State == _host.FailureState);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");

        await DeliverAsync(_host.PullRequestEvent(1, PullRequestChange.Pushed, _host.WebhookSecret));
        var plan = await _host.WaitForCommentAsync(1, c => c.Id != firstPlan.Id && c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.Contains("Plan: 2 to add", plan.Body, StringComparison.Ordinal);
        await PlanStatusAsync(1, "success");

        await CommentAsync(1, "iacbot apply");
        Assert.Contains("Apply complete!", (await CommentContainingAsync(1, "Ran apply", after: refused)).Body, StringComparison.Ordinal);
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task Unlock_discards_the_plan_and_frees_the_directory_for_another_pull_request()
    {
        await PlannedAsync(1, "app");

        await CommentAsync(1, "iacbot unlock");
        var unlocked = await _host.WaitForCommentAsync(1, c => c.Body.Contains("`app`", StringComparison.Ordinal) && !c.Body.Contains("Ran plan", StringComparison.Ordinal));
        await CommentAsync(1, "iacbot apply");
        Assert.Contains("no plan", (await _host.WaitForCommentAsync(1, c => c.Id > unlocked.Id)).Body, StringComparison.OrdinalIgnoreCase);

        Open(2, "app", Reviewer);
        await DeliverAsync(_host.PullRequestEvent(2, PullRequestChange.Opened, _host.WebhookSecret));
        Assert.Contains("Plan: 1 to add", (await CommentContainingAsync(2, "Ran plan")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Merging_or_closing_frees_the_locks_and_deletes_the_checkout(bool merged)
    {
        await PlannedAsync(1, "app");
        var checkout = Path.Combine(DataDir, _host.CheckoutPath(1));
        Assert.True(Directory.Exists(checkout), $"No checkout at {checkout}");

        if (merged)
        {
            _host.Merge(1);
        }
        else
        {
            _host.Close(1);
        }

        await DeliverAsync(_host.PullRequestEvent(1, PullRequestChange.Closed, _host.WebhookSecret));

        Assert.Contains("`app`", (await CommentContainingAsync(1, "released")).Body, StringComparison.Ordinal);
        Assert.False(Directory.Exists(checkout));
        Open(2, "app");
        await DeliverAsync(_host.PullRequestEvent(2, PullRequestChange.Opened, _host.WebhookSecret));
        Assert.Contains("Plan: 1 to add", (await CommentContainingAsync(2, "Ran plan")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_with_a_wrong_secret_or_none_is_refused_and_never_recorded()
    {
        const string DeliveryId = "5f0c7a1e-2b7d-4c39-9a51-6e0d8c1f2a44";
        Open(1, "app");

        using var wrong = await App.Client.SendAsync(_host.PullRequestEvent(1, PullRequestChange.Opened, "not-the-secret", DeliveryId));
        using var none = await App.Client.SendAsync(_host.PullRequestEvent(1, PullRequestChange.Opened, secret: null, DeliveryId));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(0, _host.ApiRequestCount());
        Assert.Empty(TerraformRuns);

        // Had either been recorded, this one would be a duplicate; had either been queued, it would have run first
        // on this pull request's queue and left a plan comment of its own.
        using var signed = await App.Client.SendAsync(_host.PullRequestEvent(1, PullRequestChange.Opened, _host.WebhookSecret, DeliveryId));
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        await CommentContainingAsync(1, "Ran plan");
        Assert.Single(_host.Comments(1));
        Assert.Single(TerraformRuns, r => r.Command == "plan");
    }

    [Fact]
    public async Task A_reply_longer_than_the_host_s_comment_limit_is_split_at_that_limit()
    {
        var files = new Dictionary<string, string?> { ["app/main.tf"] = $"# fake-terraform: extra-output plan {ExtraPlanLines}\n" + NullResource("a") };
        _host.Open(1, Author, "change-1", Repo.Commit("change-1", files, "Change 1"), Repo.CloneUrl, files.Keys);

        await DeliverAsync(_host.PullRequestEvent(1, PullRequestChange.Opened, _host.WebhookSecret));

        await PlanStatusAsync(1, "success");
        var parts = _host.Comments(1);
        Assert.True(parts.Sum(c => c.Body.Length) > 65_536, "The reply must be longer than the smallest limit of a host.");
        Assert.Contains("Plan: 2 to add", parts[^1].Body, StringComparison.Ordinal);
        Assert.All(parts, c => Assert.InRange(c.Body.Length, 1, _host.CommentLimit));

        // Each comment but the last is filled close to the limit (the splitter keeps back at most a tenth of one to
        // close and reopen blocks): a reply cut at another host's limit, or cut at all under GitLab's, fails here.
        Assert.All(parts.SkipLast(1), c => Assert.True(c.Body.Length > _host.CommentLimit * 9 / 10, $"A part of {c.Body.Length} characters"));
    }

    /// <summary>xUnit calls this after <see cref="ServerTest.DisposeAsync"/> has stopped the server.</summary>
    public void Dispose()
    {
        _host.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Commits a new resource in <paramref name="dir"/> on a branch and opens a pull request of it.</summary>
    private void Open(int number, string dir, string author = Author)
    {
        var files = new Dictionary<string, string?> { [$"{dir}/main.tf"] = NullResource($"r{number}") };
        var branch = $"change-{number}";
        _host.Open(number, author, branch, Repo.Commit(branch, files, $"Change {number}"), Repo.CloneUrl, files.Keys);
    }

    private async Task<FakeComment> PlannedAsync(int number, string dir)
    {
        Open(number, dir);
        await DeliverAsync(_host.PullRequestEvent(number, PullRequestChange.Opened, _host.WebhookSecret));
        var plan = await CommentContainingAsync(number, "Ran plan");
        await PlanStatusAsync(number, "success");
        return plan;
    }

    private Task CommentAsync(int number, string body, string user = Author) =>
        DeliverAsync(_host.CommentEvent(number, user, body, _host.WebhookSecret));

    private async Task DeliverAsync(HttpRequestMessage delivery)
    {
        using (delivery)
        using (var response = await App.Client.SendAsync(delivery))
        {
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {answer}");
        }
    }

    /// <summary>The first comment containing <paramref name="text"/>, posted after <paramref name="after"/> when given.</summary>
    private Task<FakeComment> CommentContainingAsync(int number, string text, FakeComment? after = null) =>
        _host.WaitForCommentAsync(number, c => c.Id > (after?.Id ?? 0) && c.Body.Contains(text, StringComparison.Ordinal));

    private Task<FakeStatus> PlanStatusAsync(int number, string state) =>
        _host.WaitForStatusAsync(_host.HeadSha(number), s => s.Context == StatusContexts.Plan && s.State == state);

    public sealed class OnGitHub() : HostFlowTests(github => new GitHubHost(github));

    public sealed class OnGitLab() : HostFlowTests(_ => new GitLabHost());

    public sealed class OnGitea() : HostFlowTests(_ => new GiteaHost());
}
