using System.Text.Json.Nodes;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Tests.Gitea;

public sealed class GiteaVcsClientTests : IDisposable
{
    private readonly GiteaApiSite _site = new();

    private RepoId Repo => new(_site.Settings.Host, "jcitizen", "my-repo", VcsKind.Gitea);

    private PullRequestRef Pull => new(Repo, 1);

    [Fact]
    public async Task A_pull_request_is_read_from_giteas_answer_with_the_token_header()
    {
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1", 200, GiteaApiSite.Fixture("get-pull-request.json"));

        var pr = await _site.Client().GetPullRequestAsync(Pull, CancellationToken.None);

        Assert.Equal("jcitizen", pr.Author);
        Assert.Equal("4f5e7d8f15cf79387cfd8a0d30c58855ab61e138", pr.HeadSha);
        Assert.Equal(("feature", "master"), (pr.HeadBranch, pr.BaseBranch));
        Assert.Equal("https://try.gitea.io/jcitizen/my-repo.git", pr.HeadCloneUrl);
        Assert.Equal("https://try.gitea.io/jcitizen/my-repo.git", pr.BaseCloneUrl);
        Assert.Equal("https://try.gitea.io/jcitizen/my-repo/pulls/1", pr.HtmlUrl);
        Assert.Equal(PullRequestState.Open, pr.State);
        Assert.True(pr.Mergeable);
        Assert.False(pr.IsDraft);
        Assert.Null(pr.HeadRepo);
        Assert.Equal("token " + GiteaApiSite.Token, _site.Requests.Single().Authorization);
    }

    [Theory]
    [InlineData("WIP: new network", null, true)]
    [InlineData("[WIP] new network", null, true)]
    [InlineData("Draft: new network", null, true)]
    [InlineData("new network (WIP: later)", null, false)]
    [InlineData("WIP: new network", false, false)]
    [InlineData("new network", true, true)]
    public async Task A_draft_is_read_from_the_draft_field_or_else_from_the_title(string title, bool? draft, bool expected)
    {
        var pr = GiteaApiSite.FixtureNode("get-pull-request.json");
        pr["title"] = title;
        if (draft is { } value)
        {
            pr["draft"] = value;
        }

        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1", 200, pr.ToJsonString());

        Assert.Equal(expected, (await _site.Client().GetPullRequestAsync(Pull, CancellationToken.None)).IsDraft);
    }

    [Fact]
    public async Task A_pull_request_from_a_fork_names_the_fork_and_fetches_from_it()
    {
        var pr = GiteaApiSite.FixtureNode("get-pull-request.json");
        var head = pr["head"]!["repo"]!;
        head["owner"]!["login"] = "mallory";
        head["clone_url"] = "https://try.gitea.io/mallory/my-repo.git";
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1", 200, pr.ToJsonString());

        var read = await _site.Client().GetPullRequestAsync(Pull, CancellationToken.None);

        Assert.Equal(new RepoId(Repo.Host, "mallory", "my-repo", VcsKind.Gitea), read.HeadRepo);
        Assert.Equal("https://try.gitea.io/mallory/my-repo.git", read.HeadCloneUrl);
        Assert.Equal("https://try.gitea.io/jcitizen/my-repo.git", read.BaseCloneUrl);
    }

    [Fact]
    public async Task A_pull_request_whose_fork_was_deleted_counts_as_a_fork()
    {
        var pr = GiteaApiSite.FixtureNode("get-pull-request.json");
        pr["head"]!["repo"] = null;
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1", 200, pr.ToJsonString());

        var read = await _site.Client().GetPullRequestAsync(Pull, CancellationToken.None);

        Assert.NotNull(read.HeadRepo);
        Assert.Equal("https://try.gitea.io/jcitizen/my-repo.git", read.HeadCloneUrl);
    }

    [Theory]
    [InlineData("closed", true, PullRequestState.Merged)]
    [InlineData("closed", false, PullRequestState.Closed)]
    [InlineData("open", false, PullRequestState.Open)]
    public async Task A_pull_requests_state_says_whether_it_was_merged(string state, bool merged, PullRequestState expected)
    {
        var pr = GiteaApiSite.FixtureNode("get-pull-request.json");
        pr["state"] = state;
        pr["merged"] = merged;
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1", 200, pr.ToJsonString());

        Assert.Equal(expected, (await _site.Client().GetPullRequestAsync(Pull, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Changed_files_are_read_across_pages_until_the_total_count_with_old_names_of_renamed_files()
    {
        var total = new Dictionary<string, string> { ["X-Total-Count"] = "3" };
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1/files", 200, GiteaApiSite.Fixture("list-pull-request-files.page-1.json"), total,
            new Dictionary<string, string> { ["page"] = "1" });
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1/files", 200, GiteaApiSite.Fixture("list-pull-request-files.page-2.json"), total,
            new Dictionary<string, string> { ["page"] = "2" });

        var files = await _site.Client().ListChangedFilesAsync(Pull, CancellationToken.None);

        Assert.Equal(["modules/network/main.tf", "modules/app/variables.tf", "modules/app/vars.tf", "README.md"], files);
        Assert.Equal(2, _site.Requests.Count);
        Assert.All(_site.Requests, r => Assert.Contains("limit=50", r.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changed_files_follow_the_link_header_when_gitea_sends_no_total()
    {
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1/files", 200, GiteaApiSite.Fixture("list-pull-request-files.page-1.json"),
            new Dictionary<string, string> { ["Link"] = "<https://gitea.example.com/api/v1/repos/jcitizen/my-repo/pulls/1/files?page=2>; rel=\"next\"" },
            new Dictionary<string, string> { ["page"] = "1" });
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1/files", 200, GiteaApiSite.Fixture("list-pull-request-files.page-2.json"),
            new Dictionary<string, string> { ["Link"] = "<https://gitea.example.com/api/v1/repos/jcitizen/my-repo/pulls/1/files?page=1>; rel=\"prev\"" },
            new Dictionary<string, string> { ["page"] = "2" });

        var files = await _site.Client().ListChangedFilesAsync(Pull, CancellationToken.None);

        Assert.Contains("README.md", files);
        Assert.Equal(2, _site.Requests.Count);
    }

    [Fact]
    public async Task Reviews_are_named_in_the_words_the_apply_requirements_read()
    {
        var reviews = GiteaApiSite.FixtureNode("list-pull-reviews.approved.json").AsArray();
        var template = reviews[1]!.ToJsonString();
        reviews.Add(Review(template, "carol", "REQUEST_CHANGES", dismissed: false));
        reviews.Add(Review(template, "dave", "APPROVED", dismissed: true));
        reviews.Add(Review(template, "erin", "PENDING", dismissed: false));
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1/reviews", 200, reviews.ToJsonString());

        var read = await _site.Client().ListReviewsAsync(Pull, CancellationToken.None);

        Assert.Equal(
            [("reviewer-4", "COMMENTED"), ("reviewer-2", "APPROVED"), ("carol", "CHANGES_REQUESTED"), ("dave", "DISMISSED")],
            read.Select(r => (r.User, r.State)));
        Assert.NotNull(read[1].SubmittedAt);
    }

    [Fact]
    public async Task Without_paging_headers_a_full_page_is_followed_by_the_next_until_a_short_one()
    {
        var template = GiteaApiSite.FixtureNode("list-pull-reviews.approved.json")[1]!.ToJsonString();
        var full = new JsonArray(Enumerable.Range(1, 50).Select(i => Review(template, $"user-{i}", "COMMENT", dismissed: false)).ToArray());
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1/reviews", 200, full.ToJsonString(), query: new Dictionary<string, string> { ["page"] = "1" });
        _site.Answer("GET", "repos/jcitizen/my-repo/pulls/1/reviews", 200, new JsonArray(Review(template, "last", "APPROVED", dismissed: false)).ToJsonString(),
            query: new Dictionary<string, string> { ["page"] = "2" });

        var read = await _site.Client().ListReviewsAsync(Pull, CancellationToken.None);

        Assert.Equal(51, read.Count);
        Assert.Equal(("last", "APPROVED"), (read[^1].User, read[^1].State));
        Assert.Equal(2, _site.Requests.Count);
    }

    [Fact]
    public async Task Comments_are_listed_with_their_authors()
    {
        var comment = GiteaApiSite.FixtureNode("create-issue-comment.json");
        _site.Answer("GET", "repos/jcitizen/my-repo/issues/1/comments", 200, new JsonArray(comment).ToJsonString());

        var comments = await _site.Client().ListCommentsAsync(Pull, CancellationToken.None);

        Assert.Equal([new PostedComment(74, "unknwon", "what?")], comments);
    }

    private static JsonNode Review(string template, string user, string state, bool dismissed)
    {
        var review = JsonNode.Parse(template)!;
        review["user"]!["login"] = user;
        review["state"] = state;
        review["dismissed"] = dismissed;
        return review;
    }

    public void Dispose() => _site.Dispose();
}
