using IaCBot.Core.Events;

namespace IaCBot.Server.Webhooks;

/// <summary>What a delivery asks of IaCBot.</summary>
internal abstract record WebhookParseResult
{
    private WebhookParseResult()
    {
    }

    /// <summary>A valid delivery that needs no work (a label added, a comment on an issue); answered 200.</summary>
    public sealed record Ignored(string Reason) : WebhookParseResult;

    /// <summary>A delivery that cannot be read; answered 400 with the reason.</summary>
    public sealed record Invalid(string Reason) : WebhookParseResult;

    public sealed record Ping : WebhookParseResult;

    public sealed record PullRequest(PullRequestEvent Event) : WebhookParseResult;

    public sealed record Comment(CommentEvent Event) : WebhookParseResult;
}
