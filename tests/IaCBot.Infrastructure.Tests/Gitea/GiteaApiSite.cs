using System.Text.Json.Nodes;
using IaCBot.Infrastructure.Gitea;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IaCBot.Infrastructure.Tests.Gitea;

/// <summary>A Gitea API on a loopback port: each test says what a path answers, and reads what the client sent.</summary>
public sealed class GiteaApiSite : IDisposable
{
    public const string Token = "gitea-token-0123456789abcdef";

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        StartAdminInterface = false,
        Logger = new WireMockNullLogger(),
    });

    private readonly HttpClient _http = new();

    public GiteaSettings Settings => new(new Uri(_server.Url! + "/"), Token);

    internal GiteaVcsClient Client() => new(Settings, () => _http);

    /// <summary>Answers <paramref name="method"/> <c>/api/v1/{path}</c> (query ignored unless given) with a status, JSON and headers.</summary>
    public void Answer(string method, string path, int status, string? json = null,
        IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? query = null)
    {
        var request = Request.Create().WithPath("/api/v1/" + path).UsingMethod(method);
        foreach (var (name, value) in query ?? new Dictionary<string, string>())
        {
            request = request.WithParam(name, value);
        }

        var response = Response.Create().WithStatusCode(status);
        if (json is not null)
        {
            response = response.WithHeader("Content-Type", "application/json;charset=utf-8").WithBody(json);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        _server.Given(request).RespondWith(response);
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gitea", "api", name));

    public static JsonNode FixtureNode(string name) => JsonNode.Parse(Fixture(name))!;

    /// <summary>The requests received, in order: method, path with query, Authorization header and body.</summary>
    public IReadOnlyList<(string Method, string Url, string? Authorization, string? Body)> Requests =>
        _server.LogEntries.Select(e => e.RequestMessage!)
            .Select(m => (m.Method, m.Path + (m.RawQuery is { Length: > 0 } q ? "?" + q.TrimStart('?') : ""),
                m.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault(),
                m.Body))
            .ToList();

    public void Dispose()
    {
        _http.Dispose();
        _server.Stop();
        _server.Dispose();
    }
}
