using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Webhooks.Gitea;

/// <summary>
/// Gitea's and Forgejo's deliveries. Forgejo sends its own <c>X-Forgejo-*</c> headers and Gitea's as well; either is
/// read, Forgejo's first. Deliveries are taken only when a Gitea server is configured (<c>gitea:token</c>).
/// </summary>
internal sealed class GiteaWebhookSource(IOptions<GiteaOptions> gitea) : IWebhookSource
{
    public string Name => "gitea";

    public bool Recognises(IHeaderDictionary headers) =>
        gitea.Value.IsEnabled && (headers.ContainsKey("X-Gitea-Event") || headers.ContainsKey("X-Forgejo-Event"));

    public string? Authenticate(IHeaderDictionary headers, ReadOnlyMemory<byte> body) =>
        gitea.Value.WebhookSecret is { Length: > 0 } secret
        && !GiteaSignature.IsValid(body.Span, Header(headers, "X-Forgejo-Signature", "X-Gitea-Signature"), secret)
            ? "The X-Gitea-Signature (or X-Forgejo-Signature) header is missing or does not match the payload."
            : null;

    public WebhookEnvelope Open(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        var eventName = Header(headers, "X-Forgejo-Event", "X-Gitea-Event") ?? "";
        var deliveryId = Header(headers, "X-Forgejo-Delivery", "X-Gitea-Delivery") ?? "";
        return eventName.Length == 0 || deliveryId.Length == 0
            ? new WebhookEnvelope(eventName, deliveryId, "X-Gitea-Event and X-Gitea-Delivery headers are required.")
            : new WebhookEnvelope(eventName, deliveryId);
    }

    public WebhookParseResult Read(WebhookEnvelope envelope, ReadOnlyMemory<byte> body)
    {
        var options = gitea.Value;
        return new GiteaPayloadReader(options.Host ?? "", options.User).Read(envelope.EventName, body);
    }

    private static string? Header(IHeaderDictionary headers, string first, string second) =>
        headers[first].ToString() is { Length: > 0 } value ? value
        : headers[second].ToString() is { Length: > 0 } fallback ? fallback
        : null;
}
