using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// <c>GET</c> a repository and one of its commits by branch, tag or SHA, for runs without a pull request. GitHub
/// answers 422 for a ref the repository does not have, and 404 for a repository it does not know.
/// </summary>
/// <seealso href="https://docs.github.com/en/rest/commits/commits#get-a-commit"/>
internal sealed class RepositoryRoutes
{
    private readonly ConcurrentDictionary<string, (string CloneUrl, string DefaultBranch, Func<string, string?> Resolve)> _repositories =
        new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ApiRoute> All() =>
    [
        new("GET", ApiRoute.RepoPath + "$", Get),
        new("GET", ApiRoute.RepoPath + "/commits/(?<ref>.+)$", Commit),
    ];

    public void Add(string owner, string repo, string cloneUrl, string defaultBranch, Func<string, string?> resolve) =>
        _repositories[$"{owner}/{repo}"] = (cloneUrl, defaultBranch, resolve);

    private ResponseMessage Get(ApiRequest request)
    {
        if (!_repositories.TryGetValue($"{request.Owner}/{request.Repo}", out var known))
        {
            return GitHubResponses.NotFound();
        }

        var repository = new JsonObject { ["owner"] = new JsonObject() };
        GitHubJson.SetRepository(repository, request.Owner, request.Repo, known.CloneUrl, known.DefaultBranch);
        return GitHubResponses.Json(200, repository);
    }

    private ResponseMessage Commit(ApiRequest request)
    {
        if (!_repositories.TryGetValue($"{request.Owner}/{request.Repo}", out var known))
        {
            return GitHubResponses.NotFound();
        }

        var gitRef = request.Path("ref");
        return known.Resolve(gitRef) is { } sha
            ? GitHubResponses.Json(200, new JsonObject { ["sha"] = sha, ["url"] = $"{request.ApiUrl}repos/{request.Owner}/{request.Repo}/commits/{sha}" })
            : GitHubResponses.Error(422, $"No commit found for SHA: {gitRef}");
    }
}
