using System.Text.Json;
using IaCBot.Core.Access;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// Reads GitHub's <c>pull_request</c>, <c>issue_comment</c> and <c>ping</c> payloads into IaCBot's events,
/// taking only the fields it needs and saying which one is missing when a payload is not what GitHub sends.
/// </summary>
/// <seealso href="https://docs.github.com/en/webhooks/webhook-events-and-payloads"/>
internal static class GitHubPayloadReader
{
    private static readonly Dictionary<string, PullRequestAction> PullRequestActions = new()
    {
        ["opened"] = PullRequestAction.Opened,
        ["reopened"] = PullRequestAction.Reopened,
        ["synchronize"] = PullRequestAction.Synchronized,
        ["ready_for_review"] = PullRequestAction.ReadyForReview,
        ["closed"] = PullRequestAction.Closed,
    };

    public static WebhookParseResult Read(string eventName, ReadOnlyMemory<byte> body)
    {
        if (eventName is not ("pull_request" or "issue_comment" or "ping"))
        {
            return new WebhookParseResult.Ignored($"IaCBot does not act on '{eventName}' events.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new WebhookParseResult.Invalid("The payload is not a JSON object.");
            }

            return eventName switch
            {
                "ping" => new WebhookParseResult.Ping(),
                "pull_request" => ReadPullRequest(root),
                _ => ReadComment(root),
            };
        }
        catch (JsonException ex)
        {
            return new WebhookParseResult.Invalid($"The payload is not valid JSON: {ex.Message}");
        }
        catch (MissingFieldException ex)
        {
            return new WebhookParseResult.Invalid(ex.Message);
        }
    }

    private static WebhookParseResult ReadPullRequest(JsonElement root)
    {
        var action = Json.String(root, "action");
        if (!PullRequestActions.TryGetValue(action, out var kind))
        {
            return new WebhookParseResult.Ignored($"IaCBot does not act on pull_request '{action}'.");
        }

        var repo = ReadRepo(Json.Object(root, "repository"), "repository");
        var pr = Json.Object(root, "pull_request");
        var info = ReadPull(repo, pr);
        return new WebhookParseResult.PullRequest(new PullRequestEvent(kind, info, Json.String(Json.Object(root, "sender"), "login", "sender.login")));
    }

    private static WebhookParseResult ReadComment(JsonElement root)
    {
        var action = Json.String(root, "action");
        if (action != "created")
        {
            return new WebhookParseResult.Ignored($"IaCBot only reads new comments, not '{action}' ones.");
        }

        var issue = Json.Object(root, "issue");
        if (!issue.TryGetProperty("pull_request", out var pullLink) || pullLink.ValueKind != JsonValueKind.Object)
        {
            return new WebhookParseResult.Ignored("The comment is on an issue, not a pull request.");
        }

        var repo = ReadRepo(Json.Object(root, "repository"), "repository");
        var comment = Json.Object(root, "comment");
        var author = Json.String(Json.Object(comment, "user", "comment.user"), "login", "comment.user.login");
        var body = comment.TryGetProperty("body", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
        var number = Json.Int(issue, "number", "issue.number");
        return new WebhookParseResult.Comment(new CommentEvent(new PullRequestRef(repo, number), author, body));
    }

    private static PullRequestInfo ReadPull(RepoId repo, JsonElement pr)
    {
        var head = Json.Object(pr, "head", "pull_request.head");
        var baseRef = Json.Object(pr, "base", "pull_request.base");
        var cloneUrl = head.TryGetProperty("repo", out var headRepo) && headRepo.ValueKind == JsonValueKind.Object
            ? Json.String(headRepo, "clone_url", "pull_request.head.repo.clone_url")
            : Json.String(Json.Object(baseRef, "repo", "pull_request.base.repo"), "clone_url", "pull_request.base.repo.clone_url");
        var merged = pr.TryGetProperty("merged", out var m) && m.ValueKind == JsonValueKind.True;
        var state = merged ? PullRequestState.Merged
            : Json.String(pr, "state", "pull_request.state") == "closed" ? PullRequestState.Closed
            : PullRequestState.Open;
        bool? mergeable = pr.TryGetProperty("mergeable", out var mg) && mg.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? mg.GetBoolean()
            : null;
        return new PullRequestInfo(
            new PullRequestRef(repo, Json.Int(pr, "number", "pull_request.number")),
            Json.String(Json.Object(pr, "user", "pull_request.user"), "login", "pull_request.user.login"),
            Json.String(head, "sha", "pull_request.head.sha"),
            Json.String(head, "ref", "pull_request.head.ref"),
            Json.String(baseRef, "ref", "pull_request.base.ref"),
            cloneUrl,
            pr.TryGetProperty("draft", out var draft) && draft.ValueKind == JsonValueKind.True,
            state,
            mergeable,
            pr.TryGetProperty("mergeable_state", out var ms) && ms.ValueKind == JsonValueKind.String ? ms.GetString() : null,
            pr.TryGetProperty("html_url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString()! : "")
        {
            HeadRepo = HeadRepo(repo, head),
            BaseCloneUrl = baseRef.TryGetProperty("repo", out var baseRepo) && baseRepo.ValueKind == JsonValueKind.Object
                && baseRepo.TryGetProperty("clone_url", out var baseUrl) && baseUrl.ValueKind == JsonValueKind.String
                ? baseUrl.GetString()
                : null,
        };
    }

    /// <summary>
    /// The fork a PR comes from, when it comes from one. GitHub sends <c>head.repo: null</c> once the fork is deleted;
    /// such a PR cannot be shown to come from the base repository, so it counts as a fork.
    /// </summary>
    private static RepoId? HeadRepo(RepoId baseRepo, JsonElement head)
    {
        if (!head.TryGetProperty("repo", out var repo) || repo.ValueKind != JsonValueKind.Object
            || !repo.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !repo.TryGetProperty("owner", out var owner) || owner.ValueKind != JsonValueKind.Object
            || !owner.TryGetProperty("login", out var login) || login.ValueKind != JsonValueKind.String)
        {
            return ForkPolicy.UnknownFork(baseRepo.Host);
        }

        var fork = new RepoId(baseRepo.Host, login.GetString()!, name.GetString()!);
        return fork == baseRepo ? null : fork;
    }

    /// <summary>The repository's id, with the host taken from its web address (github.com or an Enterprise host).</summary>
    private static RepoId ReadRepo(JsonElement repository, string path)
    {
        var htmlUrl = Json.String(repository, "html_url", $"{path}.html_url");
        if (!Uri.TryCreate(htmlUrl, UriKind.Absolute, out var uri))
        {
            throw new MissingFieldException($"{path}.html_url is not a URL.");
        }

        var owner = Json.String(Json.Object(repository, "owner", $"{path}.owner"), "login", $"{path}.owner.login");
        return new RepoId(uri.Authority, owner, Json.String(repository, "name", $"{path}.name"));
    }
}
