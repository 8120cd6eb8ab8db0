using System.Text.Json;
using IaCBot.Core.Access;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Webhooks.GitLab;

/// <summary>
/// A <c>Merge Request Hook</c>: opened, reopened, pushed to (an <c>update</c> with <c>oldrev</c>), marked ready, merged
/// or closed. Other updates (title, labels, approvals, assignees) need no plan and are ignored.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/user/project/integrations/webhook_events.html#merge-request-events"/>
internal static class GitLabMergeRequestReader
{
    private static readonly string[] DraftPrefixes = ["Draft:", "[Draft]", "(Draft)", "Draft -", "WIP:", "[WIP]"];

    public static WebhookParseResult Read(JsonElement root, string host)
    {
        var mr = Json.Object(root, "object_attributes");
        var action = Json.String(mr, "action", "object_attributes.action");
        PullRequestAction? kind = action switch
        {
            "open" => PullRequestAction.Opened,
            "reopen" => PullRequestAction.Reopened,
            "merge" or "close" => PullRequestAction.Closed,
            "update" when HasNewCommits(mr) => PullRequestAction.Synchronized,
            "update" when BecameReady(root) => PullRequestAction.ReadyForReview,
            _ => null,
        };
        if (kind is not { } pullAction)
        {
            return new WebhookParseResult.Ignored(action == "update"
                ? "The merge request was updated without new commits."
                : $"IaCBot does not act on merge request '{action}'.");
        }

        var repo = GitLabProjectPath.Parse(host, Json.String(Json.Object(root, "project"), "path_with_namespace", "project.path_with_namespace"), "project.path_with_namespace");
        var sender = Json.String(Json.Object(root, "user"), "username", "user.username");
        return new WebhookParseResult.PullRequest(new PullRequestEvent(pullAction, ReadPull(repo, root, mr, sender), sender));
    }

    /// <remarks>
    /// The hook names the author only by id; <c>user</c> is whoever acted, which for an opened merge request is its
    /// author. The API's answer (read before any apply) carries the real author.
    /// </remarks>
    private static PullRequestInfo ReadPull(RepoId repo, JsonElement root, JsonElement mr, string sender)
    {
        var project = Json.Object(root, "project");
        var baseUrl = OptionalString(mr, "target", "git_http_url") ?? Json.String(project, "git_http_url", "project.git_http_url");
        var headRepo = HeadRepo(repo, mr);
        return new PullRequestInfo(
            new PullRequestRef(repo, Json.Int(mr, "iid", "object_attributes.iid")),
            sender,
            Json.String(Json.Object(mr, "last_commit", "object_attributes.last_commit"), "id", "object_attributes.last_commit.id"),
            Json.String(mr, "source_branch", "object_attributes.source_branch"),
            Json.String(mr, "target_branch", "object_attributes.target_branch"),
            headRepo is null ? baseUrl : OptionalString(mr, "source", "git_http_url") ?? baseUrl,
            IsTrue(mr, "draft") || IsTrue(mr, "work_in_progress"),
            Json.String(mr, "state", "object_attributes.state") switch
            {
                "merged" => PullRequestState.Merged,
                "closed" => PullRequestState.Closed,
                _ => PullRequestState.Open,
            },
            null,
            OptionalString(mr, "detailed_merge_status") ?? OptionalString(mr, "merge_status"),
            OptionalString(mr, "url") ?? "")
        {
            HeadRepo = headRepo,
            BaseCloneUrl = baseUrl,
        };
    }

    /// <summary>The fork the merge request comes from, when its source project is not the target.</summary>
    private static RepoId? HeadRepo(RepoId repo, JsonElement mr)
    {
        var source = mr.TryGetProperty("source_project_id", out var s) && s.TryGetInt64(out var sourceId) ? sourceId : (long?)null;
        var target = mr.TryGetProperty("target_project_id", out var t) && t.TryGetInt64(out var targetId) ? targetId : (long?)null;
        if (source is not null && source == target)
        {
            return null;
        }

        return OptionalString(mr, "source", "path_with_namespace") is { } path
            ? GitLabProjectPath.Parse(repo.Host, path, "object_attributes.source.path_with_namespace")
            : ForkPolicy.UnknownFork(repo.Host);
    }

    /// <summary>GitLab sends <c>oldrev</c> only on an update that pushed commits.</summary>
    private static bool HasNewCommits(JsonElement mr) => OptionalString(mr, "oldrev") is not null;

    /// <summary>Marked ready: <c>changes.draft</c> went from true to false, or (older GitLab) the title lost its draft prefix.</summary>
    private static bool BecameReady(JsonElement root)
    {
        if (!root.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var flag in new[] { "draft", "work_in_progress" })
        {
            if (changes.TryGetProperty(flag, out var change) && change.ValueKind == JsonValueKind.Object
                && IsTrue(change, "previous") && change.TryGetProperty("current", out var now) && now.ValueKind == JsonValueKind.False)
            {
                return true;
            }
        }

        return OptionalString(changes, "title", "previous") is { } before && OptionalString(changes, "title", "current") is { } after
            && IsDraftTitle(before) && !IsDraftTitle(after);
    }

    private static bool IsDraftTitle(string title) =>
        DraftPrefixes.Any(p => title.TrimStart().StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static bool IsTrue(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? OptionalString(JsonElement parent, params string[] path)
    {
        var current = parent;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String && current.GetString() is { Length: > 0 } text ? text : null;
    }
}
