using System.Security.Cryptography;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Maps the fake's routes on WireMock. Every request goes the same way: recorded, held back by an injected delay if one matches, then an injected fault if one
/// matches, then the token check, then the route, computed from the current state; GitHub's headers are added last.
/// </summary>
internal sealed class FakeGitHubRouter(FakeGitHubState state, string apiUrl, string token)
{
    private const int RoutePriority = 10;
    private const int FallbackPriority = 1000;

    private readonly RateLimitWindow _rateLimit = new();

    public void Register(WireMockServer server, IEnumerable<ApiRoute> routes)
    {
        foreach (var route in routes)
        {
            var pattern = new Regex(route.PathPattern, RegexOptions.CultureInvariant);
            server
                .Given(Request.Create().WithPath(new RegexMatcher(route.PathPattern)).UsingMethod(route.Method))
                .AtPriority(RoutePriority)
                .RespondWith(Response.Create().WithCallback(message =>
                    HandleAsync(message, m => route.Handle(new ApiRequest(m, pattern.Match(m.Path), apiUrl)), route.OwnAuthentication)));
        }

        server
            .Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .AtPriority(FallbackPriority)
            .RespondWith(Response.Create().WithCallback(message => HandleAsync(message, _ => GitHubResponses.NotFound())));
    }

    /// <summary>An injected delay holds the answer back, as a slow GitHub would; the request is then handled as usual.</summary>
    private async Task<IResponseMessage> HandleAsync(IRequestMessage message, Func<IRequestMessage, ResponseMessage> route, bool ownAuthentication = false)
    {
        var used = state.Record(message.Method, message.Path);
        var delay = state.TakeDelay(message.Method, message.Path);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        return Handle(message, used, route, ownAuthentication);
    }

    private ResponseMessage Handle(IRequestMessage message, int used, Func<IRequestMessage, ResponseMessage> route, bool ownAuthentication)
    {
        ResponseMessage response;
        try
        {
            response = state.TakeFault(message.Method, message.Path) is { } fault ? FaultResponses.For(fault)
                : !ownAuthentication && Authenticate(message) is { } refusal ? refusal
                : route(message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in the fake should read as one, not as GitHub being down.
            response = GitHubResponses.Error(500, $"The fake GitHub failed: {ex}");
        }

        AddGitHubHeaders(response, used);
        return response;
    }

    /// <summary>
    /// GitHub takes a token as <c>token …</c> or <c>Bearer …</c>; null means the request may go on. Once a GitHub App
    /// is installed only its installation tokens are taken.
    /// </summary>
    private ResponseMessage? Authenticate(IRequestMessage message)
    {
        var header = message.Headers?
            .FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();
        if (string.IsNullOrEmpty(header))
        {
            return GitHubResponses.Error(401, "Requires authentication");
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? "" : header[..space];
        var given = space < 0 ? "" : header[(space + 1)..].Trim();
        var known = scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
        var valid = state.App.IsInstalled ? state.App.IsToken(given) : given == token;
        return known && valid ? null : GitHubResponses.Error(401, GitHubResponses.DefaultMessage(401));
    }

    private void AddGitHubHeaders(ResponseMessage response, int used)
    {
        var headers = new Dictionary<string, string>(_rateLimit.Headers(used))
        {
            ["X-GitHub-Request-Id"] = RequestId(),
            ["X-GitHub-Media-Type"] = "github.v3; format=json",
            ["X-GitHub-Api-Version-Selected"] = "2022-11-28",
        };
        response.Headers ??= new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)))
            {
                response.Headers[name] = new WireMockList<string>(value);
            }
        }
    }

    // Shaped like GitHub's: five hex groups separated by colons.
    private static string RequestId()
    {
        var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(14));
        return $"{hex[..4]}:{hex[4..9]}:{hex[9..16]}:{hex[16..23]}:{hex[23..28]}";
    }
}
