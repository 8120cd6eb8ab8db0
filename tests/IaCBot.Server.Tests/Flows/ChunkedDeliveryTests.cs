using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// Deliveries without a Content-Length, in HTTP chunks, as a proxy in front of IaCBot may forward them. The in-memory
/// test server always gives a request its length, so these go through a real socket.
/// </summary>
public sealed class ChunkedDeliveryTests : ServerTest
{
    protected override bool RealPort => true;

    [Fact]
    public async Task A_payload_sent_in_chunks_is_read_whole()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        // A long description makes the payload several times the 16 KB the endpoint starts with when no length is sent.
        var payload = JsonNode.Parse(GitHubWebhooks.PullRequest("opened", pr, Author))!;
        payload["pull_request"]!["body"] = string.Concat(Enumerable.Repeat("A description that goes on. ", 3_000));

        var response = await SendChunkedAsync("pull_request", payload.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await CommentContainingAsync(pr, "Ran plan");
    }

    [Fact]
    public async Task A_payload_over_25_MB_sent_in_chunks_is_refused()
    {
        var huge = new StringBuilder("{\"padding\": \"").Append('x', (25 * 1024 * 1024) + 10).Append("\"}").ToString();

        var response = await SendChunkedAsync("pull_request", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendChunkedAsync(string eventName, string body)
    {
        using var http = new HttpClient { BaseAddress = App.Address };
        using var request = WebhookDelivery.Create(eventName, body, IaCBotApp.WebhookSecret);
        request.Content = new LengthlessContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await http.SendAsync(request);
    }

    /// <summary>Content that cannot tell its length, so HttpClient sends it with Transfer-Encoding: chunked.</summary>
    private sealed class LengthlessContent(byte[] bytes) : ByteArrayContent(bytes)
    {
        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
