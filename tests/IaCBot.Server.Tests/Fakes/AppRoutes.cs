using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// A GitHub App's own routes, called with its JWT instead of a token: the installation on a repository, and a new
/// installation token. Both answer 401 to a JWT GitHub would refuse.
/// </summary>
/// <seealso href="https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app"/>
/// <seealso href="https://docs.github.com/en/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app"/>
internal sealed class AppRoutes(FakeGitHubState state)
{
    public IEnumerable<ApiRoute> All() =>
    [
        new("GET", ApiRoute.RepoPath + "/installation$", RepoInstallation, OwnAuthentication: true),
        new("POST", @"^/app/installations/(?<id>\d+)/access_tokens$", CreateToken, OwnAuthentication: true),
    ];

    private ResponseMessage RepoInstallation(ApiRequest request)
    {
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        return !state.HasRepo(request.Owner, request.Repo)
            ? GitHubResponses.NotFound()
            : GitHubResponses.Json(200, new JsonObject
            {
                ["id"] = state.App.InstallationId,
                ["app_id"] = state.App.AppId,
                ["account"] = new JsonObject { ["login"] = request.Owner, ["id"] = GitHubJson.StableId(request.Owner) },
                ["target_type"] = "Organization",
            });
    }

    private ResponseMessage CreateToken(ApiRequest request)
    {
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        if (request.Path("id") != state.App.InstallationId.ToString(CultureInfo.InvariantCulture))
        {
            return GitHubResponses.NotFound();
        }

        var expiresAt = TimeProvider.System.GetUtcNow().AddHours(1);
        return GitHubResponses.Json(201, new JsonObject
        {
            ["token"] = state.App.IssueToken(),
            ["expires_at"] = expiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["permissions"] = new JsonObject { ["pull_requests"] = "write", ["issues"] = "write", ["statuses"] = "write" },
            ["repository_selection"] = "all",
        });
    }

    private ResponseMessage? Refusal(ApiRequest request)
    {
        var header = request.Message.Headers?
            .FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault() ?? "";
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return GitHubResponses.Error(401, "A JSON web token could not be decoded");
        }

        return state.App.JwtProblem(header[bearer.Length..]) is { } problem
            ? GitHubResponses.Error(401, $"The JWT was refused: {problem}")
            : null;
    }
}
