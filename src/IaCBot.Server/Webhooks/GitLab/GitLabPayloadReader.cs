using System.Text.Json;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Webhooks.GitLab;

/// <summary>
/// Reads GitLab's <c>Merge Request Hook</c> and <c>Note Hook</c> payloads into IaCBot's events. The repository's host
/// is the configured instance's, never the payload's; a comment's author is the event's <c>user.username</c>.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/user/project/integrations/webhook_events.html"/>
internal static class GitLabPayloadReader
{
    public const string MergeRequestHook = "Merge Request Hook";
    public const string NoteHook = "Note Hook";

    /// <param name="host">The authority of <c>gitlab:url</c>.</param>
    /// <param name="botUser">The bot's own username (<c>gitlab:user</c>): its notes are ignored.</param>
    public static WebhookParseResult Read(string eventName, ReadOnlyMemory<byte> body, string host, string? botUser)
    {
        if (eventName is not (MergeRequestHook or NoteHook))
        {
            return new WebhookParseResult.Ignored($"IaCBot does not act on GitLab '{eventName}' events.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new WebhookParseResult.Invalid("The payload is not a JSON object.");
            }

            var kind = eventName == MergeRequestHook ? "merge_request" : "note";
            if (root.TryGetProperty("object_kind", out var objectKind) && objectKind.ValueKind == JsonValueKind.String && objectKind.GetString() != kind)
            {
                return new WebhookParseResult.Invalid($"A '{eventName}' delivery must carry object_kind '{kind}', not '{objectKind.GetString()}'.");
            }

            return eventName == MergeRequestHook ? GitLabMergeRequestReader.Read(root, host) : ReadNote(root, host, botUser);
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

    private static WebhookParseResult ReadNote(JsonElement root, string host, string? botUser)
    {
        var note = Json.Object(root, "object_attributes");
        var noteable = Json.String(note, "noteable_type", "object_attributes.noteable_type");
        if (noteable != "MergeRequest")
        {
            return new WebhookParseResult.Ignored($"The note is on a {noteable}, not a merge request.");
        }

        if (note.TryGetProperty("system", out var system) && system.ValueKind == JsonValueKind.True)
        {
            return new WebhookParseResult.Ignored("The note is GitLab's own (a system note).");
        }

        if (note.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && action.GetString() != "create")
        {
            return new WebhookParseResult.Ignored($"IaCBot only reads new notes, not '{action.GetString()}' ones.");
        }

        var author = Json.String(Json.Object(root, "user"), "username", "user.username");
        if (botUser is { Length: > 0 } && string.Equals(author, botUser, StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookParseResult.Ignored("The note is the bot's own.");
        }

        var repo = GitLabProjectPath.Parse(host, Json.String(Json.Object(root, "project"), "path_with_namespace", "project.path_with_namespace"), "project.path_with_namespace");
        var iid = Json.Int(Json.Object(root, "merge_request"), "iid", "merge_request.iid");
        var body = note.TryGetProperty("note", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
        return new WebhookParseResult.Comment(new CommentEvent(new PullRequestRef(repo, iid), author, body));
    }
}
