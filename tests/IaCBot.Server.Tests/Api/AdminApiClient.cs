using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Api;

/// <summary>The admin API as a script would call it: JSON with <c>X-IaCBot-Token</c>.</summary>
internal sealed class AdminApiClient(HttpClient client, string? token)
{
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("X-IaCBot-Token", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The newest run matching <paramref name="condition"/> once it has ended; fails after 60 seconds.</summary>
    public async Task<JsonNode> EndedRunAsync(Func<JsonNode, bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var runs = (await GetJsonAsync("/api/runs?limit=200")).AsArray();
            var run = runs.FirstOrDefault(r => condition(r!) && r!["outcome"]!.GetValue<string>() != "running");
            if (run is not null)
            {
                return await GetJsonAsync($"/api/runs/{run["id"]!.GetValue<string>()}");
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "no such run ended: " + runs.ToJsonString());
            await Task.Delay(100);
        }
    }
}
