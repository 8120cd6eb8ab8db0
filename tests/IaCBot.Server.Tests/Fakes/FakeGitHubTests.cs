using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Octokit;
using Octokit.Internal;
using ProductHeaderValue = Octokit.ProductHeaderValue;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>The fake is read through Octokit 14, as the server reads it, so what it serves is what Octokit understands.</summary>
public sealed class FakeGitHubTests : IDisposable
{
    private const string Owner = "acme";
    private const string Repo = "infra";
    private const string HeadSha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    private readonly FakeGitHub _github = new();
    private readonly FakePullRequest _pull;
    private readonly GitHubClient _client;

    public FakeGitHubTests()
    {
        _pull = _github.AddPullRequest(Owner, Repo, 7, "alice", HeadSha, "feature/network", "file:///tmp/infra");
        _client = Octokit(_github.Token);
    }

    public void Dispose() => _github.Dispose();

    [Fact]
    public async Task A_pull_request_reads_back_with_the_state_set_on_it()
    {
        _pull.Draft = true;
        _pull.Mergeable = false;
        _pull.MergeableState = "dirty";

        var pr = await _client.PullRequest.Get(Owner, Repo, 7);

        Assert.Equal(7, pr.Number);
        Assert.Equal(ItemState.Open, pr.State.Value);
        Assert.Equal("alice", pr.User.Login);
        Assert.Equal(HeadSha, pr.Head.Sha);
        Assert.Equal("feature/network", pr.Head.Ref);
        Assert.Equal("file:///tmp/infra", pr.Head.Repository.CloneUrl);
        Assert.Equal("acme/infra", pr.Head.Repository.FullName);
        Assert.Equal("main", pr.Base.Ref);
        Assert.Equal("acme/infra", pr.Base.Repository.FullName);
        Assert.True(pr.Draft);
        Assert.False(pr.Merged);
        Assert.False(pr.Mergeable);
        Assert.Equal("dirty", pr.MergeableState?.StringValue);
        Assert.Equal("https://github.com/acme/infra/pull/7", pr.HtmlUrl);
    }

    [Fact]
    public async Task A_change_to_the_pull_request_shows_in_the_next_answer()
    {
        await _client.PullRequest.Get(Owner, Repo, 7);
        _pull.HeadSha = "e5bd3914e2e596debea16f433f57875b5b90bcd6";
        _pull.Merge();

        var pr = await _client.PullRequest.Get(Owner, Repo, 7);

        Assert.Equal("e5bd3914e2e596debea16f433f57875b5b90bcd6", pr.Head.Sha);
        Assert.Equal(ItemState.Closed, pr.State.Value);
        Assert.True(pr.Merged);
        Assert.NotNull(pr.MergedAt);
    }

    [Fact]
    public async Task An_unknown_pull_request_is_not_found()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _client.PullRequest.Get(Owner, Repo, 8));

        Assert.Equal("Not Found", error.ApiError.Message);
    }

    [Fact]
    public async Task Files_are_listed_across_pages_by_following_the_link_header()
    {
        _pull.Files.AddRange(Enumerable.Range(1, 250).Select(i => $"modules/m{i:000}/main.tf"));

        var files = await _client.PullRequest.Files(Owner, Repo, 7, new ApiOptions { PageSize = 100 });

        Assert.Equal(_pull.Files, files.Select(f => f.FileName));
        Assert.Equal(3, _github.RequestCount("GET", "/pulls/7/files"));
    }

    [Fact]
    public async Task No_more_than_3000_files_are_ever_listed()
    {
        _pull.Files.AddRange(Enumerable.Range(1, 3500).Select(i => $"stacks/s{i:0000}.tf"));

        var files = await _client.PullRequest.Files(Owner, Repo, 7, new ApiOptions { PageSize = 100 });

        Assert.Equal(3000, files.Count);
        Assert.Equal("stacks/s3000.tf", files[^1].FileName);
    }

    [Fact]
    public async Task A_page_holds_30_items_unless_asked_for_more()
    {
        _pull.Files.AddRange(Enumerable.Range(1, 45).Select(i => $"f{i}.tf"));

        var firstPage = await _client.PullRequest.Files(Owner, Repo, 7, new ApiOptions { PageCount = 1 });

        Assert.Equal(30, firstPage.Count);
    }

    [Fact]
    public async Task The_link_header_points_back_at_the_fake_with_absolute_urls()
    {
        _pull.Files.AddRange(Enumerable.Range(1, 250).Select(i => $"f{i}.tf"));
        using var http = RawClient(_github.Token);

        using var response = await http.GetAsync(new Uri($"{_github.ApiUrl}repos/acme/infra/pulls/7/files?per_page=100&page=2"));

        var link = string.Join(", ", response.Headers.GetValues("Link"));
        Assert.Contains($"<{_github.ApiUrl}repos/acme/infra/pulls/7/files?per_page=100&page=1>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains($"<{_github.ApiUrl}repos/acme/infra/pulls/7/files?per_page=100&page=3>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains($"<{_github.ApiUrl}repos/acme/infra/pulls/7/files?per_page=100&page=3>; rel=\"last\"", link, StringComparison.Ordinal);
        Assert.Contains($"<{_github.ApiUrl}repos/acme/infra/pulls/7/files?per_page=100&page=1>; rel=\"first\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_carry_githubs_content_type_and_rate_limit_headers()
    {
        using var http = RawClient(_github.Token);

        using var first = await http.GetAsync(new Uri($"{_github.ApiUrl}repos/acme/infra/pulls/7"));
        using var second = await http.GetAsync(new Uri($"{_github.ApiUrl}repos/acme/infra/pulls/7"));

        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Equal("5000", first.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("4999", first.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("4998", second.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.True(long.Parse(first.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEqual(first.Headers.GetValues("X-GitHub-Request-Id").Single(), second.Headers.GetValues("X-GitHub-Request-Id").Single());
    }

    [Fact]
    public async Task Reviews_are_listed_in_the_order_they_were_submitted()
    {
        _pull.AddReview("bob", "CHANGES_REQUESTED");
        _pull.AddReview("carol", "COMMENTED");
        _pull.AddReview("bob", "APPROVED");

        var reviews = await _client.PullRequest.Review.GetAll(Owner, Repo, 7);

        Assert.Equal(["bob", "carol", "bob"], reviews.Select(r => r.User.Login));
        Assert.Equal(
            [PullRequestReviewState.ChangesRequested, PullRequestReviewState.Commented, PullRequestReviewState.Approved],
            reviews.Select(r => r.State.Value));
        Assert.True(reviews[0].SubmittedAt < reviews[1].SubmittedAt && reviews[1].SubmittedAt < reviews[2].SubmittedAt);
        Assert.All(reviews, r => Assert.Equal(HeadSha, r.CommitId));
    }

    [Fact]
    public async Task Comments_created_through_the_api_are_the_bots_and_listed_in_posting_order()
    {
        _github.AddComment(Owner, Repo, 7, "alice", "iacbot plan");

        var first = await _client.Issue.Comment.Create(Owner, Repo, 7, "Plan for 1 project");
        var second = await _client.Issue.Comment.Create(Owner, Repo, 7, "Apply succeeded");
        var listed = await _client.Issue.Comment.GetAllForIssue(Owner, Repo, 7, new ApiOptions { PageSize = 100 });

        Assert.Equal(_github.BotLogin, first.User.Login);
        Assert.True(second.Id > first.Id);
        Assert.Equal(["iacbot plan", "Plan for 1 project", "Apply succeeded"], listed.Select(c => c.Body));
        Assert.Equal(["alice", "iacbot-bot", "iacbot-bot"], _github.Comments(Owner, Repo, 7).Select(c => c.User));
        Assert.Equal(first.Id, _github.Comments(Owner, Repo, 7)[1].Id);
    }

    [Fact]
    public async Task Comments_posted_at_the_same_time_are_all_kept_with_distinct_ids()
    {
        var posted = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => _client.Issue.Comment.Create(Owner, Repo, 7, $"comment {i}")));

        Assert.Equal(20, posted.Select(c => c.Id).Distinct().Count());
        Assert.Equal(
            posted.Select(c => c.Body).Order(StringComparer.Ordinal),
            _github.Comments(Owner, Repo, 7).Select(c => c.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_comment_of_65536_characters_is_taken_and_one_more_is_refused()
    {
        await _client.Issue.Comment.Create(Owner, Repo, 7, new string('x', 65_536));

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => _client.Issue.Comment.Create(Owner, Repo, 7, new string('x', 65_537)));

        Assert.Contains("body is too long (maximum is 65536 characters)", error.ApiError.Errors.Select(e => e.Message));
        Assert.Single(_github.Comments(Owner, Repo, 7));
    }

    [Fact]
    public async Task An_empty_comment_is_refused()
    {
        await Assert.ThrowsAsync<ApiValidationException>(() => _client.Issue.Comment.Create(Owner, Repo, 7, ""));

        Assert.Empty(_github.Comments(Owner, Repo, 7));
    }

    [Fact]
    public async Task Statuses_are_recorded_per_commit_in_posting_order()
    {
        await _client.Repository.Status.Create(Owner, Repo, HeadSha, new NewCommitStatus
        {
            State = CommitState.Pending, Context = "iacbot/plan", Description = "Planning…",
        });
        var created = await _client.Repository.Status.Create(Owner, Repo, HeadSha, new NewCommitStatus
        {
            State = CommitState.Success, Context = "iacbot/plan", Description = "1 project planned", TargetUrl = "https://iacbot.example/runs/1",
        });

        Assert.Equal(CommitState.Success, created.State.Value);
        Assert.Equal("iacbot-bot", created.Creator.Login);
        Assert.Equal(
            [
                new FakeStatus("pending", "iacbot/plan", "Planning…", null),
                new FakeStatus("success", "iacbot/plan", "1 project planned", "https://iacbot.example/runs/1"),
            ],
            _github.Statuses(Owner, Repo, HeadSha));
    }

    [Fact]
    public async Task A_status_description_over_140_characters_is_refused()
    {
        var status = new NewCommitStatus { State = CommitState.Failure, Context = "iacbot/plan", Description = new string('d', 141) };

        await Assert.ThrowsAsync<ApiValidationException>(() => _client.Repository.Status.Create(Owner, Repo, HeadSha, status));

        Assert.Empty(_github.Statuses(Owner, Repo, HeadSha));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_as_bad_credentials()
    {
        var error = await Assert.ThrowsAsync<AuthorizationException>(() => Octokit("not-the-token").PullRequest.Get(Owner, Repo, 7));

        Assert.Equal("Bad credentials", error.ApiError.Message);
    }

    [Fact]
    public async Task An_injected_server_error_fails_only_the_calls_it_was_set_for()
    {
        _github.FailNext("GET", "/pulls/7", 500);

        var error = await Assert.ThrowsAsync<ApiException>(() => _client.PullRequest.Get(Owner, Repo, 7));
        var pr = await _client.PullRequest.Get(Owner, Repo, 7);

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(7, pr.Number);
        Assert.Equal(2, _github.RequestCount("GET", "/repos/acme/infra/pulls/7"));
    }

    [Fact]
    public async Task An_injected_fault_with_its_own_body_and_headers_is_sent_as_given()
    {
        _github.FailNext("POST", "/comments", 503, times: 2, new Dictionary<string, string> { ["Retry-After"] = "7" }, "Try again later");

        var first = await Assert.ThrowsAsync<ApiException>(() => _client.Issue.Comment.Create(Owner, Repo, 7, "one"));
        await Assert.ThrowsAsync<ApiException>(() => _client.Issue.Comment.Create(Owner, Repo, 7, "two"));
        await _client.Issue.Comment.Create(Owner, Repo, 7, "three");

        Assert.Equal("Try again later", first.ApiError.Message);
        Assert.Equal("7", first.HttpResponse.Headers["Retry-After"]);
        Assert.Equal(["three"], _github.Comments(Owner, Repo, 7).Select(c => c.Body));
    }

    [Fact]
    public async Task An_exhausted_rate_limit_raises_octokits_rate_limit_exception()
    {
        _github.RateLimitNext("GET", "/pulls/7");

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => _client.PullRequest.Get(Owner, Repo, 7));

        Assert.Equal(0, error.Remaining);
        Assert.Equal(5000, error.Limit);
        Assert.True(error.Reset > TimeProvider.System.GetUtcNow());
    }

    [Fact]
    public async Task A_secondary_rate_limit_raises_octokits_secondary_rate_limit_exception()
    {
        _github.SecondaryRateLimitNext("POST", "/statuses/", TimeSpan.FromSeconds(30));
        var status = new NewCommitStatus { State = CommitState.Pending, Context = "iacbot/plan" };

        var error = await Assert.ThrowsAsync<SecondaryRateLimitExceededException>(() => _client.Repository.Status.Create(Owner, Repo, HeadSha, status));

        Assert.Equal("30", error.HttpResponse.Headers["Retry-After"]);
        Assert.Empty(_github.Statuses(Owner, Repo, HeadSha));
    }

    [Fact]
    public async Task Waiting_for_a_comment_returns_it_once_it_is_posted()
    {
        var wait = _github.WaitForCommentAsync(Owner, Repo, 7, c => c.Body.Contains("Plan", StringComparison.Ordinal));
        await _client.Issue.Comment.Create(Owner, Repo, 7, "Plan for 2 projects");

        var comment = await wait;

        Assert.Equal("Plan for 2 projects", comment.Body);
    }

    [Fact]
    public async Task A_wait_that_sees_no_match_says_what_it_saw()
    {
        await _client.Issue.Comment.Create(Owner, Repo, 7, "Apply failed");
        await _client.Repository.Status.Create(Owner, Repo, HeadSha, new NewCommitStatus { State = CommitState.Error, Context = "iacbot/apply" });

        var comment = await Assert.ThrowsAsync<TimeoutException>(() =>
            _github.WaitForCommentAsync(Owner, Repo, 7, c => c.Body == "Apply succeeded", TimeSpan.FromMilliseconds(100)));
        var status = await Assert.ThrowsAsync<TimeoutException>(() =>
            _github.WaitForStatusAsync(Owner, Repo, HeadSha, s => s.State == "success", TimeSpan.FromMilliseconds(100)));

        Assert.Contains("Apply failed", comment.Message, StringComparison.Ordinal);
        Assert.Contains("iacbot/apply: error", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_request_from_a_fork_has_the_forks_head_repository()
    {
        _pull.ForkOwner = "mallory";
        _pull.ForkName = "infra-fork";

        var pr = await _client.PullRequest.Get(Owner, Repo, 7);

        Assert.Equal("mallory/infra-fork", pr.Head.Repository.FullName);
        Assert.True(pr.Head.Repository.Fork);
        Assert.Equal("mallory:feature/network", pr.Head.Label);
        Assert.Equal("acme/infra", pr.Base.Repository.FullName);
    }

    [Fact]
    public async Task A_pull_request_whose_fork_was_deleted_has_no_head_repository()
    {
        _pull.ForkOwner = "mallory";
        _pull.ForkName = "infra-fork";
        _pull.ForkDeleted = true;

        var pr = await _client.PullRequest.Get(Owner, Repo, 7);

        Assert.Null(pr.Head.Repository);
    }

    [Theory]
    [InlineData("admin", "admin")]
    [InlineData("maintain", "write")]
    [InlineData("write", "write")]
    [InlineData("triage", "read")]
    [InlineData("read", "read")]
    [InlineData("none", "none")]
    public async Task A_users_permission_reads_back_with_githubs_old_name_and_the_role_itself(string role, string permission)
    {
        _github.SetRole(Owner, Repo, "bob", role);

        var answer = await _client.Repository.Collaborator.ReviewPermission(Owner, Repo, "bob");

        Assert.Equal(permission, answer.Permission);
        Assert.Equal(role, answer.RoleName);
        Assert.Equal("bob", answer.Collaborator.Login);
    }

    [Fact]
    public async Task Users_without_a_role_set_have_the_default_and_an_unknown_repository_is_not_found()
    {
        Assert.Equal("write", (await _client.Repository.Collaborator.ReviewPermission(Owner, Repo, "anyone")).RoleName);
        await Assert.ThrowsAsync<NotFoundException>(() => _client.Repository.Collaborator.ReviewPermission(Owner, "elsewhere", "anyone"));
    }

    [Fact]
    public async Task A_team_membership_is_found_with_its_state_and_a_non_member_is_not_found()
    {
        _github.AddTeamMember("acme", "platform", "carol");
        _github.AddTeamMember("acme", "platform", "dave", "pending");
        using var client = RawClient(_github.Token);

        var carol = JsonNode.Parse(await client.GetStringAsync(new Uri(new Uri(_github.ApiUrl), "orgs/acme/teams/platform/memberships/carol")))!;
        var dave = JsonNode.Parse(await client.GetStringAsync(new Uri(new Uri(_github.ApiUrl), "orgs/acme/teams/platform/memberships/dave")))!;
        var bob = await client.GetAsync(new Uri(new Uri(_github.ApiUrl), "orgs/acme/teams/platform/memberships/bob"));

        Assert.Equal("active", carol["state"]!.GetValue<string>());
        Assert.Equal("pending", dave["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, bob.StatusCode);
    }

    private GitHubClient Octokit(string token) => new(new Connection(
        new ProductHeaderValue("t"),
        new Uri(_github.ApiUrl),
        new InMemoryCredentialStore(new Credentials(token)),
        new HttpClientAdapter(() => new HttpClientHandler()),
        new SimpleJsonSerializer()));

    private static HttpClient RawClient(string token)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("t", "1"));
        return http;
    }
}
