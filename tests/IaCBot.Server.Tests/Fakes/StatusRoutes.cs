using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>Create a commit status, with GitHub's checks on its state and description.</summary>
/// <seealso href="https://docs.github.com/en/rest/commits/statuses"/>
internal sealed class StatusRoutes(FakeGitHubState state, string botLogin)
{
    /// <summary>GitHub refuses a status description longer than this.</summary>
    public const int MaxDescriptionLength = 140;

    private static readonly string[] States = ["error", "failure", "pending", "success"];

    public IEnumerable<ApiRoute> All() => [new("POST", ApiRoute.RepoPath + "/statuses/(?<sha>[^/]+)$", Create)];

    private ResponseMessage Create(ApiRequest request)
    {
        if (!state.HasRepo(request.Owner, request.Repo))
        {
            return GitHubResponses.NotFound();
        }

        if (RequestBody.Object(request) is not { } body)
        {
            return GitHubResponses.Error(400, GitHubResponses.DefaultMessage(400));
        }

        var statusState = RequestBody.String(body, "state");
        if (statusState is null || !States.Contains(statusState, StringComparer.Ordinal))
        {
            return GitHubResponses.ValidationFailed("Status", "state", "custom", "state is not included in the list");
        }

        var description = RequestBody.String(body, "description") ?? "";
        if (RequestBody.Length(description) > MaxDescriptionLength)
        {
            return GitHubResponses.ValidationFailed(
                "Status", "description", "custom", $"description is too long (maximum is {MaxDescriptionLength} characters)");
        }

        var status = new FakeStatus(statusState, RequestBody.String(body, "context") ?? "default", description, RequestBody.String(body, "target_url"));
        state.AddStatus(request.Owner, request.Repo, request.Sha, status);
        var stamp = new StatusStamp(state.NextId(), state.NextTimestamp(), botLogin);
        var template = GitHubFixtures.Object("api/create-commit-status.201.json");
        var json = ApiItemJson.Status(template, request.Owner, request.Repo, request.Sha, status, stamp, request.ApiUrl);
        var response = GitHubResponses.Json(201, json);
        response.AddHeader("Location", json["url"]!.GetValue<string>());
        return response;
    }
}
