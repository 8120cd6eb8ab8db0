using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Webhooks;

/// <summary>GitHub's (and GitHub Enterprise Server's) deliveries, signed with <c>X-Hub-Signature-256</c>.</summary>
internal sealed class GitHubWebhookSource(IOptions<GitHubOptions> github) : IWebhookSource
{
    public string Name => "github";

    /// <summary>Gitea, Forgejo and Gogs send GitHub's headers too, for compatibility; their own header tells them apart.</summary>
    public bool Recognises(IHeaderDictionary headers) =>
        headers.ContainsKey("X-GitHub-Event") && !headers.ContainsKey("X-Gitea-Event") && !headers.ContainsKey("X-Forgejo-Event")
        && !headers.ContainsKey("X-Gogs-Event");

    public string? Authenticate(IHeaderDictionary headers, ReadOnlyMemory<byte> body) =>
        github.Value.WebhookSecret is { Length: > 0 } secret && !GitHubSignature.IsValid(body.Span, headers["X-Hub-Signature-256"].ToString(), secret)
            ? "The X-Hub-Signature-256 header is missing or does not match the payload."
            : null;

    public WebhookEnvelope Open(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        var eventName = headers["X-GitHub-Event"].ToString();
        var deliveryId = headers["X-GitHub-Delivery"].ToString();
        return eventName.Length == 0 || deliveryId.Length == 0
            ? new WebhookEnvelope(eventName, deliveryId, "X-GitHub-Event and X-GitHub-Delivery headers are required.")
            : new WebhookEnvelope(eventName, deliveryId);
    }

    public WebhookParseResult Read(WebhookEnvelope envelope, ReadOnlyMemory<byte> body) => GitHubPayloadReader.Read(envelope.EventName, body);
}
