using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>
/// GitLab's <c>Merge Request Hook</c> and <c>Note Hook</c> deliveries for a fake merge request: the real ones in
/// <c>Fixtures/gitlab/webhooks</c> with the project, merge request and people set from the fake, so a payload and the
/// fake API tell the same story; with the headers GitLab sends.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/user/project/integrations/webhook_events.html"/>
public static class GitLabWebhooks
{
    /// <param name="action"><c>open</c>, <c>reopen</c>, <c>update</c>, <c>merge</c> or <c>close</c>.</param>
    /// <param name="oldrev">The head before a push, sent with an <c>update</c> that brought new commits.</param>
    public static string MergeRequest(FakeGitLab gitlab, FakeMergeRequest mr, string action, string user, string? oldrev = null)
    {
        var payload = GitLabFixtures.Object(action switch
        {
            "update" when oldrev is not null => "webhooks/merge_request.update.new-commit.json",
            "update" => "webhooks/merge_request.update.title-only.json",
            "reopen" => "webhooks/merge_request.reopen.json",
            "merge" => "webhooks/merge_request.merge.json",
            "close" => "webhooks/merge_request.close.json",
            _ => "webhooks/merge_request.open.json",
        });
        Retarget(payload, gitlab, mr);
        payload["event_type"] = "merge_request";
        SetUser(payload["user"], user);
        var attributes = payload["object_attributes"]!.AsObject();
        SetMergeRequest(attributes, gitlab, mr);
        attributes["action"] = action;
        attributes.Remove("oldrev");
        if (oldrev is not null)
        {
            attributes["oldrev"] = oldrev;
        }

        return payload.ToJsonString();
    }

    public static string Note(FakeGitLab gitlab, FakeMergeRequest mr, string user, string body, long noteId = 0)
    {
        var payload = GitLabFixtures.Object("webhooks/note.merge_request.json");
        Retarget(payload, gitlab, mr);
        SetUser(payload["user"], user);
        payload["project_id"] = gitlab.ProjectId(mr.ProjectPath);
        var note = payload["object_attributes"]!.AsObject();
        note["id"] = noteId == 0 ? Random.Shared.NextInt64(1, long.MaxValue) : noteId;
        note["note"] = body;
        note["noteable_type"] = "MergeRequest";
        note["noteable_id"] = mr.Iid + 100_000;
        note["project_id"] = gitlab.ProjectId(mr.ProjectPath);
        note["system"] = false;
        note["action"] = "create";
        note["url"] = $"{WebUrl(mr)}/-/merge_requests/{mr.Iid}#note_{note["id"]}";
        SetMergeRequest(payload["merge_request"]!.AsObject(), gitlab, mr);
        return payload.ToJsonString();
    }

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

    /// <summary>Points every URL and path of the fixture's example project at the fake's, and its project objects at ours.</summary>
    private static void Retarget(JsonObject payload, FakeGitLab gitlab, FakeMergeRequest mr)
    {
        var templatePath = payload["project"]!["path_with_namespace"]!.GetValue<string>();
        JsonStrings.Replace(payload, templatePath, mr.ProjectPath);
        SetProject(payload["project"], gitlab, mr);
        if (payload["repository"] is JsonObject repository)
        {
            repository["name"] = mr.ProjectPath.Split('/')[^1];
            repository["url"] = mr.CloneUrl;
            repository["homepage"] = WebUrl(mr);
        }
    }

    private static void SetMergeRequest(JsonObject attributes, FakeGitLab gitlab, FakeMergeRequest mr)
    {
        var projectId = gitlab.ProjectId(mr.ProjectPath);
        attributes["id"] = mr.Iid + 100_000;
        attributes["iid"] = mr.Iid;
        attributes["title"] = mr.Title;
        attributes["state"] = mr.State;
        attributes["source_branch"] = mr.SourceBranch;
        attributes["target_branch"] = mr.TargetBranch;
        attributes["source_project_id"] = projectId;
        attributes["target_project_id"] = projectId;
        foreach (var side in new[] { "source", "target" })
        {
            if (attributes[side] is not JsonObject)
            {
                attributes[side] = new JsonObject();
            }

            SetProject(attributes[side], gitlab, mr);
        }

        attributes["last_commit"] = new JsonObject { ["id"] = mr.HeadSha, ["message"] = "Change" };
        attributes["draft"] = mr.Draft;
        attributes["work_in_progress"] = mr.Draft;
        attributes["detailed_merge_status"] = mr.DetailedMergeStatus;
        attributes["url"] = $"{WebUrl(mr)}/-/merge_requests/{mr.Iid}";
    }

    private static void SetProject(JsonNode? node, FakeGitLab gitlab, FakeMergeRequest mr)
    {
        var project = node!.AsObject();
        project["id"] = gitlab.ProjectId(mr.ProjectPath);
        project["name"] = mr.ProjectPath.Split('/')[^1];
        project["path_with_namespace"] = mr.ProjectPath;
        project["web_url"] = WebUrl(mr);
        project["homepage"] = WebUrl(mr);
        project["git_http_url"] = mr.CloneUrl;
        project["http_url"] = mr.CloneUrl;
        project["default_branch"] = mr.TargetBranch;
    }

    private static string WebUrl(FakeMergeRequest mr) => $"https://gitlab.example.com/{mr.ProjectPath}";

    /// <summary>Sets who acted, keeping the fixture's other fields (avatar, email) as GitLab sends them.</summary>
    private static void SetUser(JsonNode? node, string username)
    {
        var user = node!.AsObject();
        user["username"] = username;
        user["name"] = username;
    }
}
