using System.Net.Http.Headers;
using System.Text;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>A delivery to the server's <c>POST /events</c> with the headers GitHub sends along.</summary>
/// <seealso href="https://docs.github.com/en/webhooks/webhook-events-and-payloads#delivery-headers"/>
public static class WebhookDelivery
{
    public const string Path = "/events";

    /// <param name="secret">Signs the body with <c>X-Hub-Signature-256</c>; null sends it unsigned.</param>
    /// <param name="deliveryId">The <c>X-GitHub-Delivery</c> id; a new GUID when null, as each real delivery has.</param>
    public static HttpRequestMessage Create(string eventName, string body, string? secret, string? deliveryId = null)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", "GitHub-Hookshot/5a0a1b7");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-GitHub-Hook-ID", "109948940");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-Type", "repository");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-ID", "186853002");
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", GitHubWebhooks.Sign(body, secret));
        }

        return request;
    }
}
