using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// The fake Gitea's <c>/api/v1</c> routes, answered from the shared fake state in Gitea's shapes: its PR object, its
/// review states, <c>X-Total-Count</c> paging, <c>{"message": …}</c> errors and <c>Authorization: token …</c>.
/// </summary>
internal sealed partial class FakeGiteaRoutes(FakeGitHubState state, string webUrl, string token, string botLogin)
{
    private const string Repo = "^/api/v1/repos/(?<owner>[^/]+)/(?<repo>[^/]+)";

    public ResponseMessage Handle(IRequestMessage message)
    {
        state.Record(message.Method, message.Path);
        if (state.TakeFault(message.Method, message.Path) is { } fault)
        {
            return Error(fault.StatusCode, fault.Body ?? $"The fake Gitea failed with {fault.StatusCode} as told.");
        }

        if (!IsAuthorised(message))
        {
            return Error(401, "token is required");
        }

        try
        {
            return Route(message) ?? Error(404, "Not Found");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Error(500, $"The fake Gitea failed: {ex}");
        }
    }

    private ResponseMessage? Route(IRequestMessage m)
    {
        var path = Uri.UnescapeDataString(m.Path);
        Match match;
        if ((match = Pull().Match(path)).Success && m.Method == "GET")
        {
            return Find(match) is { } pr ? Json(200, GiteaJson.PullRequest(pr, webUrl)) : null;
        }

        if ((match = PullPart().Match(path)).Success)
        {
            return Find(match) is not { } pr ? null : (match.Groups["part"].Value, m.Method) switch
            {
                ("files", "GET") => Page(m, pr.FilesSnapshot().Select(f => (JsonNode)new JsonObject { ["filename"] = f, ["status"] = "modified" }).ToList()),
                ("reviews", "GET") => Page(m, pr.ReviewsSnapshot().Select(Review).ToList()),
                ("merge", "POST") => Merge(pr),
                _ => null,
            };
        }

        if ((match = Comments().Match(path)).Success)
        {
            var (owner, repo, number) = (match.Groups["owner"].Value, match.Groups["repo"].Value, int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));
            return m.Method switch
            {
                "GET" => Json(200, new JsonArray([.. state.CommentsOf(owner, repo, number).Select(Comment)])),
                "POST" => Json(201, Comment(state.AddComment(owner, repo, number, botLogin, BodyField(m, "body")))),
                _ => null,
            };
        }

        return (m.Method, path) switch
        {
            ("POST", _) when (match = Status().Match(path)).Success => PostStatus(m, match),
            ("DELETE", _) when (match = Branch().Match(path)).Success =>
                state.DeleteBranch(match.Groups["owner"].Value, match.Groups["repo"].Value, match.Groups["branch"].Value) ? Empty(204) : null,
            ("GET", _) when (match = Permission().Match(path)).Success => Json(200, new JsonObject
            {
                ["permission"] = state.RoleOf(match.Groups["owner"].Value, match.Groups["repo"].Value, match.Groups["user"].Value),
            }),
            _ => null,
        };
    }

    private FakePullRequest? Find(Match match) =>
        state.FindPull(match.Groups["owner"].Value, match.Groups["repo"].Value, int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));

    /// <summary>Gitea refuses a PR it cannot merge with 405 and its reason; a merge is a merge commit on the base branch.</summary>
    private static ResponseMessage Merge(FakePullRequest pr)
    {
        if (pr.Mergeable != true || pr.State != "open")
        {
            return Error(405, "Please try again later");
        }

        pr.Merge();
        return Empty(200);
    }

    private ResponseMessage PostStatus(IRequestMessage m, Match match)
    {
        var body = JsonNode.Parse(m.Body ?? "{}")!;
        var status = new FakeStatus(
            body["state"]?.GetValue<string>() ?? "", body["context"]?.GetValue<string>() ?? "",
            body["description"]?.GetValue<string>() ?? "", body["target_url"]?.GetValue<string>() is { Length: > 0 } url ? url : null);
        state.AddStatus(match.Groups["owner"].Value, match.Groups["repo"].Value, match.Groups["sha"].Value, status);
        return Json(201, new JsonObject { ["id"] = state.NextId(), ["status"] = status.State, ["context"] = status.Context });
    }

    /// <summary>Gitea's paging: <c>page</c> from 1, <c>limit</c> capped by MAX_RESPONSE_ITEMS (50), the total in a header.</summary>
    private static ResponseMessage Page(IRequestMessage m, IReadOnlyList<JsonNode> items)
    {
        var page = Math.Max(1, Query(m, "page") ?? 1);
        var limit = Math.Clamp(Query(m, "limit") ?? 30, 1, 50);
        var response = Json(200, new JsonArray([.. items.Skip((page - 1) * limit).Take(limit)]));
        response.AddHeader("X-Total-Count", items.Count.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static JsonNode Review(FakeReview review) => new JsonObject
    {
        ["id"] = review.Id,
        ["user"] = new JsonObject { ["login"] = review.User },
        ["state"] = review.State,
        ["dismissed"] = false,
        ["commit_id"] = review.CommitId,
        ["submitted_at"] = review.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    private static JsonNode Comment(StoredComment stored) => new JsonObject
    {
        ["id"] = stored.Comment.Id,
        ["user"] = new JsonObject { ["login"] = stored.Comment.User },
        ["body"] = stored.Comment.Body,
    };

    private bool IsAuthorised(IRequestMessage m)
    {
        var header = m.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return header == $"token {token}";
    }

    private static string BodyField(IRequestMessage m, string name) =>
        JsonDocument.Parse(m.Body ?? "{}").RootElement.GetProperty(name).GetString() ?? "";

    private static int? Query(IRequestMessage m, string name) =>
        m.Query is { } query && query.TryGetValue(name, out var values) && int.TryParse(values.FirstOrDefault(), out var n) ? n : null;

    private static ResponseMessage Json(int status, JsonNode body) => GitHubResponses.Json(status, body);

    private static ResponseMessage Empty(int status) => GitHubResponses.Raw(status, "");

    private static ResponseMessage Error(int status, string message) =>
        GitHubResponses.Json(status, new JsonObject { ["message"] = message, ["url"] = "https://gitea.example.com/api/swagger" });

    [GeneratedRegex(Repo + "/pulls/(?<number>[0-9]+)$")]
    private static partial Regex Pull();

    [GeneratedRegex(Repo + "/pulls/(?<number>[0-9]+)/(?<part>files|reviews|merge)$")]
    private static partial Regex PullPart();

    [GeneratedRegex(Repo + "/issues/(?<number>[0-9]+)/comments$")]
    private static partial Regex Comments();

    [GeneratedRegex(Repo + "/statuses/(?<sha>[0-9a-f]+)$")]
    private static partial Regex Status();

    [GeneratedRegex(Repo + "/branches/(?<branch>.+)$")]
    private static partial Regex Branch();

    [GeneratedRegex(Repo + "/collaborators/(?<user>[^/]+)/permission$")]
    private static partial Regex Permission();
}
