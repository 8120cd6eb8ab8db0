using System.Globalization;
using System.Text.Json;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>
/// Answers the fake GitLab's API v4 from its state. Every request is recorded, then meets an injected fault if one
/// matches, then the <c>PRIVATE-TOKEN</c> check, then its route. A project is named by its URL-encoded path or its id,
/// as GitLab takes it: a path sent with bare slashes finds nothing, as on GitLab.
/// </summary>
internal sealed class FakeGitLabApi(FakeGitLabState state, string token)
{
    private const int PageSize = 20;

    public ResponseMessage Handle(IRequestMessage message)
    {
        // The raw path keeps %2F, so each segment is one path parameter, as GitLab reads them.
        var rawPath = new Uri(message.Url).AbsolutePath;
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var path = "/" + string.Join('/', segments);
        if (state.RecordAndTakeFault(message.Method, path) is { } fault)
        {
            return Json(fault.StatusCode, fault.Body ?? $$"""{"message":"{{fault.StatusCode}} injected"}""", fault.Headers);
        }

        if (Header(message, "PRIVATE-TOKEN") != token)
        {
            return Json(401, """{"message":"401 Unauthorized"}""");
        }

        try
        {
            return segments is ["api", "v4", .. var rest] ? Route(message, rest) : NotFound();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Json(500, JsonSerializer.Serialize(new { message = $"The fake GitLab failed: {ex}" }));
        }
    }

    private ResponseMessage Route(IRequestMessage message, string[] route) => (message.Method, route) switch
    {
        ("GET", ["users"]) => Users(message),
        ("GET", ["projects", var p]) => state.FindProject(p) is { } project ? Ok(ProjectJson(project)) : NotFound(),
        ("GET", ["projects", var p, "merge_requests", var iid]) => WithMr(p, iid, mr => Ok(MergeRequestJson(mr))),
        ("GET", ["projects", var p, "merge_requests", var iid, "diffs"]) => WithMr(p, iid, mr =>
            Page(message, Snapshot(mr, () => mr.Files.Select(f => (object)new { old_path = f, new_path = f }).ToList()))),
        ("GET", ["projects", var p, "merge_requests", var iid, "approvals"]) => WithMr(p, iid, mr =>
            Ok(new { approved_by = Snapshot(mr, () => mr.Approvers.Select(u => new { user = User(u) }).ToList()) })),
        ("GET", ["projects", var p, "merge_requests", var iid, "notes"]) => WithMr(p, iid, mr =>
            Page(message, state.Notes(mr.ProjectPath, mr.Iid).Select(n => (object)NoteJson(n)).ToList())),
        ("POST", ["projects", var p, "merge_requests", var iid, "notes"]) => WithMr(p, iid, mr => CreateNote(message, mr)),
        ("PUT", ["projects", var p, "merge_requests", var iid, "merge"]) => WithMr(p, iid, Merge),
        ("POST", ["projects", var p, "statuses", var sha]) => state.FindProject(p) is not null ? CreateStatus(message, sha) : NotFound(),
        ("DELETE", ["projects", var p, "repository", "branches", var branch]) => DeleteBranch(p, branch),
        ("GET", ["projects", var p, "members", "all", var id]) => Member(p, id, isGroup: false),
        ("GET", ["groups", var g, "members", "all", var id]) => Member(g, id, isGroup: true),
        _ => NotFound(),
    };

    private ResponseMessage WithMr(string project, string iid, Func<FakeMergeRequest, ResponseMessage> handle) =>
        state.FindProject(project) is { } p && int.TryParse(iid, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && state.MergeRequest(p.Path, number) is { } mr
            ? handle(mr)
            : NotFound();

    private ResponseMessage Users(IRequestMessage message)
    {
        var username = Query(message, "username");
        return Ok(username is null ? [] : new[] { User(username) });
    }

    private ResponseMessage CreateNote(IRequestMessage message, FakeMergeRequest mr)
    {
        var body = JsonDocument.Parse(message.Body ?? "{}").RootElement;
        if (!body.TryGetProperty("body", out var text) || text.GetString() is not { Length: > 0 } note)
        {
            return Json(400, """{"message":"400 Bad request - Note {:note=>[\"can't be blank\"]}"}""");
        }

        if (note.Length > 1_000_000)
        {
            return Json(400, """{"message":{"note":["is too long (maximum is 1000000 characters)"]}}""");
        }

        return Json(201, JsonSerializer.Serialize(NoteJson(state.AddNote(mr.ProjectPath, mr.Iid, FakeGitLab.BotUsername, note))));
    }

    private ResponseMessage CreateStatus(IRequestMessage message, string sha)
    {
        var body = JsonDocument.Parse(message.Body ?? "{}").RootElement;
        var status = new FakeStatus(
            body.GetProperty("state").GetString()!,
            body.TryGetProperty("name", out var name) ? name.GetString()! : "default",
            body.TryGetProperty("description", out var description) ? description.GetString() ?? "" : "",
            body.TryGetProperty("target_url", out var url) ? url.GetString() : null);
        if (status.State is not ("pending" or "running" or "success" or "failed" or "canceled"))
        {
            return Json(400, """{"message":"state is invalid"}""");
        }

        state.AddStatus(sha, status);
        return Json(201, JsonSerializer.Serialize(new { id = 1, sha, status = status.State, name = status.Context }));
    }

    private ResponseMessage Merge(FakeMergeRequest mr)
    {
        if (mr.State != "opened")
        {
            return Json(405, """{"message":"405 Method Not Allowed"}""");
        }

        if (mr.DetailedMergeStatus != "mergeable")
        {
            return Json(422, """{"message":"Branch cannot be merged"}""");
        }

        mr.Merge();
        return Ok(MergeRequestJson(mr));
    }

    private ResponseMessage DeleteBranch(string project, string branch)
    {
        if (state.FindProject(project) is not { } p)
        {
            return NotFound();
        }

        state.DeleteBranch(p.Path, branch);
        return new ResponseMessage { StatusCode = 204 };
    }

    private ResponseMessage Member(string path, string id, bool isGroup)
    {
        var user = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? state.Username(userId) : null;
        var target = isGroup ? path : state.FindProject(path)?.Path;
        return user is not null && target is not null && state.Access(target, user, isGroup) is { } level
            ? Ok(new { id = userId, username = user, access_level = level, state = "active" })
            : NotFound();
    }

    /// <summary>GitLab's offset pagination: <c>page</c> and <c>per_page</c> in, <c>X-Next-Page</c> (empty on the last) out.</summary>
    private static ResponseMessage Page(IRequestMessage message, IReadOnlyList<object> items)
    {
        var perPage = int.TryParse(Query(message, "per_page"), out var size) ? Math.Clamp(size, 1, 100) : PageSize;
        var page = int.TryParse(Query(message, "page"), out var number) && number > 0 ? number : 1;
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var headers = new Dictionary<string, string>
        {
            ["X-Page"] = page.ToString(CultureInfo.InvariantCulture),
            ["X-Per-Page"] = perPage.ToString(CultureInfo.InvariantCulture),
            ["X-Total"] = items.Count.ToString(CultureInfo.InvariantCulture),
            ["X-Next-Page"] = page < last ? (page + 1).ToString(CultureInfo.InvariantCulture) : "",
        };
        return Json(200, JsonSerializer.Serialize(items.Skip((page - 1) * perPage).Take(perPage)), headers);
    }

    private object MergeRequestJson(FakeMergeRequest mr) => new
    {
        id = mr.Iid + 100_000,
        iid = mr.Iid,
        project_id = mr.Project.Id,
        title = mr.Title,
        state = mr.State,
        sha = mr.HeadSha,
        source_branch = mr.SourceBranch,
        target_branch = mr.TargetBranch,
        source_project_id = mr.Project.Id,
        target_project_id = mr.Project.Id,
        draft = mr.Draft,
        work_in_progress = mr.Draft,
        detailed_merge_status = mr.DetailedMergeStatus,
        merge_status = mr.DetailedMergeStatus == "mergeable" ? "can_be_merged" : "cannot_be_merged",
        web_url = $"https://gitlab.example.com/{mr.ProjectPath}/-/merge_requests/{mr.Iid}",
        author = User(mr.Author),
    };

    private static object ProjectJson(FakeGitLabProject project) => new
    {
        id = project.Id,
        path_with_namespace = project.Path,
        http_url_to_repo = project.CloneUrl,
    };

    private object NoteJson(FakeComment note) => new { id = note.Id, body = note.Body, system = false, author = User(note.User) };

    private object User(string username) => new { id = state.UserId(username), username, state = "active" };

    private static T Snapshot<T>(FakeMergeRequest mr, Func<T> read)
    {
        lock (mr.Project.Gate)
        {
            return read();
        }
    }

    private static ResponseMessage Ok(object body) => Json(200, JsonSerializer.Serialize(body));

    private static ResponseMessage NotFound() => Json(404, """{"message":"404 Not found"}""");

    private static ResponseMessage Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Content-Type"] = new("application/json"),
            },
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = new WireMockList<string>(value);
        }

        return response;
    }

    private static string? Query(IRequestMessage message, string name) =>
        message.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static string? Header(IRequestMessage message, string name) =>
        message.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
