using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>
/// GitLab's <c>Merge Request Hook</c> and <c>Note Hook</c> deliveries for a fake merge request, in the shape of the
/// real ones in Fixtures/gitlab/webhooks, with the headers GitLab sends.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/user/project/integrations/webhook_events.html"/>
public static class GitLabWebhooks
{
    /// <param name="action"><c>open</c>, <c>reopen</c>, <c>update</c>, <c>merge</c> or <c>close</c>.</param>
    /// <param name="oldrev">The head before a push, sent with an <c>update</c> that brought new commits.</param>
    public static string MergeRequest(FakeGitLab gitlab, FakeMergeRequest mr, string action, string user, string? oldrev = null)
    {
        var attributes = MergeRequestAttributes(gitlab, mr);
        attributes["action"] = action;
        if (oldrev is not null)
        {
            attributes["oldrev"] = oldrev;
        }

        return new JsonObject
        {
            ["object_kind"] = "merge_request",
            ["event_type"] = "merge_request",
            ["user"] = User(user),
            ["project"] = Project(gitlab, mr),
            ["object_attributes"] = attributes,
        }.ToJsonString();
    }

    public static string Note(FakeGitLab gitlab, FakeMergeRequest mr, string user, string body, long noteId = 0) =>
        new JsonObject
        {
            ["object_kind"] = "note",
            ["event_type"] = "note",
            ["user"] = User(user),
            ["project_id"] = gitlab.ProjectId(mr.ProjectPath),
            ["project"] = Project(gitlab, mr),
            ["object_attributes"] = new JsonObject
            {
                ["id"] = noteId == 0 ? Random.Shared.NextInt64(1, long.MaxValue) : noteId,
                ["note"] = body,
                ["noteable_type"] = "MergeRequest",
                ["system"] = false,
                ["action"] = "create",
            },
            ["merge_request"] = MergeRequestAttributes(gitlab, mr),
        }.ToJsonString();

    /// <summary>A delivery to <c>POST /events</c> as GitLab sends it, with the secret token unless it is null.</summary>
    public static HttpRequestMessage Delivery(string eventName, string body, string? token, string? eventUuid = null)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/events", UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", "GitLab/17.5.0");
        request.Headers.Add("X-Gitlab-Event", eventName);
        request.Headers.Add("X-Gitlab-Event-UUID", eventUuid ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Gitlab-Instance", "https://gitlab.example.com");
        if (token is not null)
        {
            request.Headers.Add("X-Gitlab-Token", token);
        }

        return request;
    }

    private static JsonObject MergeRequestAttributes(FakeGitLab gitlab, FakeMergeRequest mr)
    {
        var projectId = gitlab.ProjectId(mr.ProjectPath);
        return new JsonObject
        {
            ["id"] = mr.Iid + 100_000,
            ["iid"] = mr.Iid,
            ["title"] = mr.Title,
            ["state"] = mr.State,
            ["source_branch"] = mr.SourceBranch,
            ["target_branch"] = mr.TargetBranch,
            ["source_project_id"] = projectId,
            ["target_project_id"] = projectId,
            ["source"] = Project(gitlab, mr),
            ["target"] = Project(gitlab, mr),
            ["last_commit"] = new JsonObject { ["id"] = mr.HeadSha, ["message"] = "Change" },
            ["draft"] = mr.Draft,
            ["work_in_progress"] = mr.Draft,
            ["detailed_merge_status"] = mr.DetailedMergeStatus,
            ["url"] = $"https://gitlab.example.com/{mr.ProjectPath}/-/merge_requests/{mr.Iid}",
        };
    }

    private static JsonObject Project(FakeGitLab gitlab, FakeMergeRequest mr) => new()
    {
        ["id"] = gitlab.ProjectId(mr.ProjectPath),
        ["path_with_namespace"] = mr.ProjectPath,
        ["web_url"] = $"https://gitlab.example.com/{mr.ProjectPath}",
        ["git_http_url"] = mr.CloneUrl,
    };

    private static JsonObject User(string username) => new() { ["username"] = username, ["name"] = username };
}
