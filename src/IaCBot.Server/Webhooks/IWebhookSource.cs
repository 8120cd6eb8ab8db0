namespace IaCBot.Server.Webhooks;

/// <summary>
/// One Git host's webhooks on <c>POST /events</c>: which deliveries are its, whether they are genuine, and what they
/// ask. The endpoint does the rest (allowlist, de-duplication, queueing) the same way for every host.
/// </summary>
internal interface IWebhookSource
{
    /// <summary>The host kind in logs and metrics: <c>github</c>, <c>gitlab</c>, <c>gitea</c>.</summary>
    string Name { get; }

    /// <summary>True when the headers say this host sent the delivery (checked in registration order).</summary>
    bool Recognises(IHeaderDictionary headers);

    /// <summary>Null when the delivery proves it knows the webhook secret (or none is set); else why it is refused (401).</summary>
    string? Authenticate(IHeaderDictionary headers, ReadOnlyMemory<byte> body);

    /// <summary>The event's name and the host's delivery id, or the reason they cannot be read (400).</summary>
    WebhookEnvelope Open(IHeaderDictionary headers, ReadOnlyMemory<byte> body);

    WebhookParseResult Read(WebhookEnvelope envelope, ReadOnlyMemory<byte> body);
}
