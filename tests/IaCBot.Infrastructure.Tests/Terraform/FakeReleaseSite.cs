using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IaCBot.Infrastructure.Tests.Terraform;

/// <summary>
/// A releases site on a loopback port, laid out as releases.hashicorp.com and OpenTofu's GitHub release downloads are.
/// Files not published answer 404, as the real sites do for a version that does not exist.
/// </summary>
public sealed class FakeReleaseSite : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        StartAdminInterface = false,
        Logger = new WireMockNullLogger(),
    });

    /// <summary>The site's root, ending in <c>/</c>.</summary>
    public Uri Url => new($"{_server.Url}/");

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (below the root), after <paramref name="delay"/>.</summary>
    public void Publish(string path, byte[] body, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(body);
        _server.Given(Request.Create().WithPath("/" + path).UsingGet())
            .RespondWith(delay is { } wait ? response.WithDelay(wait) : response);
    }

    /// <summary>How many requests asked for a path ending in <paramref name="fileName"/>.</summary>
    public int Requests(string fileName) => _server.LogEntries.Count(e => e.RequestMessage?.Path.EndsWith("/" + fileName, StringComparison.Ordinal) == true);

    public int AllRequests => _server.LogEntries.Count;

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
