using System.Text.Json.Nodes;
using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>List and create the comments of a PR (GitHub files them under the PR's issue).</summary>
/// <seealso href="https://docs.github.com/en/rest/issues/comments"/>
internal sealed class IssueCommentRoutes(FakeGitHubState state, string botLogin)
{
    /// <summary>GitHub refuses a comment body longer than this.</summary>
    public const int MaxBodyLength = 65_536;

    private const string Path = ApiRoute.RepoPath + @"/issues/(?<number>\d+)/comments$";

    public IEnumerable<ApiRoute> All() => [new("GET", Path, List), new("POST", Path, Create)];

    private ResponseMessage List(ApiRequest request)
    {
        if (Find(request) is not { } pull)
        {
            return GitHubResponses.NotFound();
        }

        var template = GitHubFixtures.Object("api/create-issue-comment.201.json");
        var page = Pagination.Slice(state.CommentsOf(pull.Owner, pull.Repo, pull.Number), request);
        return GitHubResponses.Page(page, comment => ApiItemJson.Comment(template, pull, comment, request.ApiUrl));
    }

    private ResponseMessage Create(ApiRequest request)
    {
        if (Find(request) is not { } pull)
        {
            return GitHubResponses.NotFound();
        }

        if (RequestBody.Object(request) is not { } body)
        {
            return GitHubResponses.Error(400, GitHubResponses.DefaultMessage(400));
        }

        if (RequestBody.String(body, "body") is not { Length: > 0 } text)
        {
            return GitHubResponses.ValidationFailed("IssueComment", "body", "missing_field");
        }

        if (RequestBody.Length(text) > MaxBodyLength)
        {
            return GitHubResponses.ValidationFailed(
                "IssueComment", "body", "custom", $"body is too long (maximum is {MaxBodyLength} characters)");
        }

        var stored = state.AddComment(pull.Owner, pull.Repo, pull.Number, botLogin, text);
        var json = ApiItemJson.Comment(GitHubFixtures.Object("api/create-issue-comment.201.json"), pull, stored, request.ApiUrl);
        var response = GitHubResponses.Json(201, json);
        response.AddHeader("Location", json["url"]!.GetValue<string>());
        return response;
    }

    private FakePullRequest? Find(ApiRequest request) =>
        request.Number is { } number ? state.FindPull(request.Owner, request.Repo, number) : null;
}
