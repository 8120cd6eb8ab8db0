using System.Net;
using System.Net.Sockets;
using IaCBot.Infrastructure.GitLab;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IaCBot.Infrastructure.Tests.GitLab;

/// <summary>A scripted GitLab API v4 on a loopback port, and a client of it, for one test.</summary>
internal sealed class GitLabApiServer : IDisposable
{
    public const string Token = "glpat-very-secret-token";

    private readonly HttpClient _http = new();

    public GitLabApiServer()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{FreePort()}"],
            Logger = new WireMockNullLogger(),
        });
        Client = new GitLabVcsClient(new GitLabSettings(new Uri(Server.Url!), Token), () => _http, Time);
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public GitLabVcsClient Client { get; }

    public string Host => new Uri(Server.Url!).Authority;

    /// <summary>Answers <paramref name="method"/> on the API path (after <c>/api/v4</c>) with JSON.</summary>
    public void Answer(string method, string path, int status, string json, IReadOnlyDictionary<string, string>? headers = null, string? query = null)
    {
        // WireMock matches the decoded path; the encoded one the client sent is in Requests.
        var request = Request.Create().WithPath("/api/v4" + Uri.UnescapeDataString(path)).UsingMethod(method);

        // A request with the query parameter is answered here before the same path without it.
        var provider = query is null
            ? Server.Given(request).AtPriority(10)
            : Server.Given(request.WithParam(query.Split('=')[0], query.Split('=')[1])).AtPriority(1);

        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        provider.RespondWith(response);
    }

    public void AnswerFixture(string method, string path, string fixture, int status = 200) => Answer(method, path, status, Fixture(fixture));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gitlab", "api", name));

    /// <summary>The requests GitLab received, as method, path and query (still URL-encoded), in order.</summary>
    public IReadOnlyList<string> Requests =>
        Server.LogEntries.Select(e => e.RequestMessage!).Select(r => $"{r.Method} {r.Url[r.Url.IndexOf("/api/v4", StringComparison.Ordinal)..]}").ToList();

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
