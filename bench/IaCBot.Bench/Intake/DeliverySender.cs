using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IaCBot.Bench.Intake;

/// <summary>
/// Sends deliveries as GitHub's webhook service does: one POST each, with its headers, given up after GitHub's
/// 10 seconds. Connections are pooled and reused, as a busy GitHub hook would reuse them.
/// </summary>
internal sealed class DeliverySender(Uri server) : IDisposable
{
    /// <summary>GitHub drops a delivery not answered within 10 seconds and marks it failed.</summary>
    public static readonly TimeSpan GitHubTimeout = TimeSpan.FromSeconds(10);

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = server,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <param name="due">The <see cref="Stopwatch"/> timestamp the delivery was due at; a late start counts against the server's latency.</param>
    public async Task<Outcome> SendAsync(Delivery delivery, long due)
    {
        var late = Stopwatch.GetElapsedTime(due);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events") { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/iacbot-bench");
        request.Headers.Add("X-GitHub-Event", "issue_comment");
        request.Headers.Add("X-GitHub-Delivery", delivery.Id);
        request.Headers.Add("X-Hub-Signature-256", delivery.Signature);
        using var timeout = new CancellationTokenSource(GitHubTimeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return new Outcome(delivery, (int)response.StatusCode, Stopwatch.GetElapsedTime(due), late, false, JobId(text), null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new Outcome(delivery, null, Stopwatch.GetElapsedTime(due), late, true, null, "no answer within 10 s");
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(delivery, null, Stopwatch.GetElapsedTime(due), late, false, null, ex.Message);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string? JobId(string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.TryGetProperty("job", out var job) && job.ValueKind == JsonValueKind.String ? job.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
