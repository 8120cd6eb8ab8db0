using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary><c>GET</c> a pull request, its files and its reviews.</summary>
/// <seealso href="https://docs.github.com/en/rest/pulls/pulls"/>
internal sealed class PullRequestRoutes(FakeGitHubState state)
{
    /// <summary>GitHub lists at most this many files of a PR, however many it changes.</summary>
    public const int MaxListedFiles = 3000;

    public IEnumerable<ApiRoute> All() =>
    [
        new("GET", ApiRoute.RepoPath + @"/pulls/(?<number>\d+)$", Get),
        new("GET", ApiRoute.RepoPath + @"/pulls/(?<number>\d+)/files$", Files),
        new("GET", ApiRoute.RepoPath + @"/pulls/(?<number>\d+)/reviews$", Reviews),
    ];

    private ResponseMessage Get(ApiRequest request)
    {
        if (Find(request) is not { } pull)
        {
            return GitHubResponses.NotFound();
        }

        var pr = GitHubFixtures.Object("api/get-pull-request.200.json");
        PullRequestJson.Apply(pr, pull, request.ApiUrl);
        return GitHubResponses.Json(200, pr);
    }

    private ResponseMessage Files(ApiRequest request)
    {
        if (Find(request) is not { } pull)
        {
            return GitHubResponses.NotFound();
        }

        var template = GitHubFixtures.FirstItem("api/list-pull-request-files.200.json");
        var page = Pagination.Slice(pull.FilesSnapshot().Take(MaxListedFiles).ToList(), request);
        return GitHubResponses.Page(page, path => ApiItemJson.File(template, pull, path, request.ApiUrl));
    }

    private ResponseMessage Reviews(ApiRequest request)
    {
        if (Find(request) is not { } pull)
        {
            return GitHubResponses.NotFound();
        }

        var template = GitHubFixtures.FirstItem("api/list-pull-request-reviews.200.json");
        var page = Pagination.Slice(pull.ReviewsSnapshot(), request);
        return GitHubResponses.Page(page, review => ApiItemJson.Review(template, pull, review, request.ApiUrl));
    }

    private FakePullRequest? Find(ApiRequest request) =>
        request.Number is { } number ? state.FindPull(request.Owner, request.Repo, number) : null;
}
