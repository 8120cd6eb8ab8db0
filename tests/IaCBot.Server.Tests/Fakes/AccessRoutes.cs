using System.Text.Json.Nodes;
using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>A user's role on a repository, and their membership of an organisation's team.</summary>
/// <seealso href="https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user"/>
/// <seealso href="https://docs.github.com/en/rest/teams/members#get-team-membership-for-a-user"/>
internal sealed class AccessRoutes(FakeGitHubState state)
{
    public IEnumerable<ApiRoute> All() =>
    [
        new("GET", ApiRoute.RepoPath + "/collaborators/(?<user>[^/]+)/permission$", Permission),
        new("GET", "^/orgs/(?<org>[^/]+)/teams/(?<slug>[^/]+)/memberships/(?<user>[^/]+)$", TeamMembership),
    ];

    /// <remarks>
    /// <c>permission</c> keeps GitHub's older names, folding maintain into write and triage into read; <c>role_name</c>
    /// is the role itself.
    /// </remarks>
    private ResponseMessage Permission(ApiRequest request)
    {
        if (!state.HasRepo(request.Owner, request.Repo))
        {
            return GitHubResponses.NotFound();
        }

        var user = request.Path("user");
        var role = state.RoleOf(request.Owner, request.Repo, user);
        var answer = GitHubFixtures.Object("api/get-collaborator-permission.200.json");
        answer["permission"] = role switch { "maintain" => "write", "triage" => "read", _ => role };
        answer["role_name"] = role;
        GitHubJson.SetUser(answer["user"], user);
        return GitHubResponses.Json(200, answer);
    }

    private ResponseMessage TeamMembership(ApiRequest request)
    {
        var (org, slug, user) = (request.Path("org"), request.Path("slug"), request.Path("user"));
        if (state.TeamMembership(org, slug, user) is not { } membership)
        {
            return GitHubResponses.NotFound();
        }

        return GitHubResponses.Json(200, new JsonObject
        {
            ["url"] = $"{request.ApiUrl}organizations/{GitHubJson.StableId(org)}/team/{GitHubJson.StableId(org + "/" + slug)}/memberships/{user}",
            ["role"] = "member",
            ["state"] = membership,
        });
    }
}
