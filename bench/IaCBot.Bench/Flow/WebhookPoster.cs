using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IaCBot.Bench.Flow;

/// <summary>Posts one delivery to the server as GitHub's webhook service does: signed, with its event and delivery id headers.</summary>
internal static class WebhookPoster
{
    public static async Task PostAsync(Uri server, string secret, string eventName, string body)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/iacbot-bench");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)));
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The server answered the {eventName} delivery {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
