using System.Text.Json;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.Gitea;

namespace IaCBot.Server.Webhooks.Gitea;

/// <summary>
/// Reads Gitea's (and Forgejo's) <c>pull_request</c> and <c>issue_comment</c> payloads into IaCBot's events. The
/// repository's host is the configured server's (<paramref name="host"/>), not the payload's links, so that its API
/// calls and locks go to the server IaCBot knows; the acting user comes from the payload's user objects only.
/// </summary>
/// <param name="botUser">The bot's own user (<c>gitea:user</c>): its comments are never read as commands.</param>
/// <seealso href="https://docs.gitea.com/usage/webhooks"/>
internal sealed class GiteaPayloadReader(string host, string? botUser)
{
    private static readonly Dictionary<string, PullRequestAction> PullRequestActions = new()
    {
        ["opened"] = PullRequestAction.Opened,
        ["reopened"] = PullRequestAction.Reopened,
        ["synchronized"] = PullRequestAction.Synchronized,
        ["closed"] = PullRequestAction.Closed,
    };

    public WebhookParseResult Read(string eventName, ReadOnlyMemory<byte> body)
    {
        if (eventName is not ("pull_request" or "issue_comment"))
        {
            return new WebhookParseResult.Ignored($"IaCBot does not act on Gitea '{eventName}' events.");
        }

        if (host.Length == 0)
        {
            return new WebhookParseResult.Invalid("gitea:url is not set, so the repository's host is not known.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new WebhookParseResult.Invalid("The payload is not a JSON object.");
            }

            return eventName == "pull_request" ? ReadPullRequest(root) : ReadComment(root);
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

    private WebhookParseResult ReadPullRequest(JsonElement root)
    {
        var action = Json.String(root, "action");
        var kind = PullRequestActions.TryGetValue(action, out var known) ? known
            : action == "edited" && LeftDraft(root) ? PullRequestAction.ReadyForReview
            : (PullRequestAction?)null;
        if (kind is null)
        {
            return new WebhookParseResult.Ignored($"IaCBot does not act on pull_request '{action}'.");
        }

        var repo = ReadRepo(root);
        var pr = Json.Object(root, "pull_request");
        Json.Int(pr, "number", "pull_request.number");
        Json.String(Json.Object(pr, "head", "pull_request.head"), "sha", "pull_request.head.sha");
        Json.String(Json.Object(pr, "head", "pull_request.head"), "ref", "pull_request.head.ref");
        Json.String(Json.Object(pr, "base", "pull_request.base"), "ref", "pull_request.base.ref");
        var info = GiteaMapping.ToPullRequestInfo("read the pull_request payload", repo, pr);
        if (info.Author.Length == 0)
        {
            throw new MissingFieldException("The payload's 'pull_request.user.login' is missing or is not a non-empty string.");
        }

        return new WebhookParseResult.PullRequest(new PullRequestEvent(kind.Value, info, UserName(root, "sender", "sender.login")));
    }

    /// <summary>
    /// Gitea marks a draft by its title (<c>WIP:</c>), so a PR leaves draft by an edit of the title: such an edit is
    /// "ready for review", as GitHub's own event is.
    /// </summary>
    private static bool LeftDraft(JsonElement root) =>
        root.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Object
        && changes.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.Object
        && GiteaMapping.TextField(title, "from") is { } from
        && GiteaMapping.ObjectField(root, "pull_request") is { } pr
        && GiteaMapping.IsDraft(TitleOnly(from)) && !GiteaMapping.IsDraft(pr);

    private static JsonElement TitleOnly(string title) => JsonSerializer.SerializeToElement(new { title });

    private WebhookParseResult ReadComment(JsonElement root)
    {
        var action = Json.String(root, "action");
        if (action != "created")
        {
            return new WebhookParseResult.Ignored($"IaCBot only reads new comments, not '{action}' ones.");
        }

        var issue = Json.Object(root, "issue");
        var onPull = (root.TryGetProperty("is_pull", out var isPull) && isPull.ValueKind == JsonValueKind.True)
            || (issue.TryGetProperty("pull_request", out var link) && link.ValueKind == JsonValueKind.Object);
        if (!onPull)
        {
            return new WebhookParseResult.Ignored("The comment is on an issue, not a pull request.");
        }

        var repo = ReadRepo(root);
        var comment = Json.Object(root, "comment");
        var author = UserName(comment, "user", "comment.user.login");
        if (botUser is { Length: > 0 } && string.Equals(author, botUser, StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookParseResult.Ignored("The comment is the bot's own.");
        }

        var body = comment.TryGetProperty("body", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
        var number = Json.Int(issue, "number", "issue.number");
        return new WebhookParseResult.Comment(new CommentEvent(new PullRequestRef(repo, number), author, body));
    }

    /// <summary>The repository as IaCBot names it: the configured server's host, and the owner and name from the payload.</summary>
    private RepoId ReadRepo(JsonElement root)
    {
        var repository = Json.Object(root, "repository");
        var owner = UserName(repository, "owner", "repository.owner.login");
        return new RepoId(host, owner, Json.String(repository, "name", "repository.name"), VcsKind.Gitea);
    }

    /// <summary>A user object's name: <c>login</c>, or <c>username</c> in older Gitea payloads.</summary>
    private static string UserName(JsonElement parent, string name, string path) =>
        GiteaMapping.Login(Json.Object(parent, name, path[..path.LastIndexOf('.')])) is { } login
            ? login
            : throw new MissingFieldException($"The payload's '{path}' is missing or is not a non-empty string.");
}
