using System.Security.Cryptography;
using System.Text;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Webhooks.GitLab;

/// <summary>
/// GitLab's deliveries (gitlab.com or self-managed), which prove themselves by sending the webhook's secret token
/// back in <c>X-Gitlab-Token</c>. Refused outright while GitLab is not configured (<c>gitlab:token</c> unset).
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/user/project/integrations/webhooks.html"/>
internal sealed class GitLabWebhookSource(IOptions<GitLabOptions> gitlab) : IWebhookSource
{
    public string Name => "gitlab";

    public bool Recognises(IHeaderDictionary headers) => headers.ContainsKey("X-Gitlab-Event");

    public string? Authenticate(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        var options = gitlab.Value;
        if (!options.IsEnabled)
        {
            return "This IaCBot is not set up for GitLab (gitlab:token is not set).";
        }

        return options.WebhookSecret is { Length: > 0 } secret && !SameSecret(headers["X-Gitlab-Token"].ToString(), secret)
            ? "The X-Gitlab-Token header is missing or does not match the webhook secret."
            : null;
    }

    /// <remarks>
    /// GitLab names each delivery in <c>X-Gitlab-Event-UUID</c> (15.x onwards; a redelivery keeps it). An older GitLab
    /// sends none, so the delivery is named by its body's SHA-256: GitLab sends the same bytes again when it retries,
    /// and two real events differ (a note's id, an update's <c>updated_at</c>), so this takes each delivery once
    /// without ever merging two events into one.
    /// </remarks>
    public WebhookEnvelope Open(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        var eventName = headers["X-Gitlab-Event"].ToString();
        if (eventName.Length == 0)
        {
            return new WebhookEnvelope(eventName, "", "The X-Gitlab-Event header is empty.");
        }

        var uuid = headers["X-Gitlab-Event-UUID"].ToString();
        var deliveryId = uuid.Length > 0 ? uuid : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body.Span));
        return new WebhookEnvelope(eventName, deliveryId);
    }

    public WebhookParseResult Read(WebhookEnvelope envelope, ReadOnlyMemory<byte> body)
    {
        var options = gitlab.Value;
        return GitLabPayloadReader.Read(envelope.EventName, body, options.BaseUri.Authority, options.User);
    }

    /// <summary>Compares hashes of both in constant time, so neither the secret's bytes nor its length leak by timing.</summary>
    private static bool SameSecret(string given, string secret) =>
        given.Length > 0
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
