using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace IaCBot.Infrastructure.Tests.GitHub;

/// <summary>
/// GitHub's API for one App on a loopback port: it finds the App's installations and makes their tokens only for a
/// JWT it would take (checked against the App's public key and its own clock), and it takes an API call only with an
/// unexpired token of the installation on the repository's (or organisation's) owner.
/// </summary>
internal sealed class FakeGitHubApp : IDisposable
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        StartAdminInterface = false,
        Logger = new WireMockNullLogger(),
    });

    private readonly long _appId;
    private readonly RSA _publicKey;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, long> _installations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (long Installation, DateTimeOffset ExpiresAt)> _tokens = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();
    private int _issued;

    /// <param name="clock">GitHub's clock, which a test may set apart from IaCBot's.</param>
    public FakeGitHubApp(long appId, RSA appKey, TimeProvider clock, TimeSpan? tokenDelay = null)
    {
        _appId = appId;
        _publicKey = RSA.Create(appKey.ExportParameters(includePrivateParameters: false));
        _clock = clock;
        var tokenResponse = Response.Create().WithCallback(CreateToken);
        Route("POST", @"^/app/installations/(?<id>\d+)/access_tokens$", tokenDelay is { } delay ? tokenResponse.WithDelay(delay) : tokenResponse);
        Route("GET", "^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/installation$", Response.Create().WithCallback(FindInstallation));
        Route("GET", "^/orgs/(?<owner>[^/]+)/installation$", Response.Create().WithCallback(FindInstallation));
        Route("POST", @"^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/issues/(?<number>\d+)/comments$", Response.Create().WithCallback(CreateComment));
        Route("GET", "^/orgs/(?<owner>[^/]+)/teams/(?<slug>[^/]+)/memberships/(?<user>[^/]+)$", Response.Create().WithCallback(TeamMembership));
    }

    /// <summary>The API root, ending in <c>/</c>.</summary>
    public Uri ApiUrl => new($"{_server.Url}/");

    /// <summary>Installs the App on an account (user or organisation).</summary>
    public void Install(string owner, long installation)
    {
        lock (_installations)
        {
            _installations[owner] = installation;
        }
    }

    /// <summary>Revokes every token made so far, as GitHub does when a token is deleted or the App is suspended or uninstalled.</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>While set, the tokens the fake makes are refused at once, as if revoked between issue and use.</summary>
    public bool RefuseEveryToken { get; set; }

    /// <summary>How many requests had a path containing <paramref name="text"/>, answered or refused.</summary>
    public int Requests(string text) => _requests.Count(r => r.Path.Contains(text, StringComparison.Ordinal));

    /// <summary>The Authorization headers of the requests whose path contains <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<string?> Authorizations(string text) =>
        _requests.Where(r => r.Path.Contains(text, StringComparison.Ordinal)).Select(r => r.Authorization).ToList();

    /// <summary>The installation a token was made for, or null for a token the fake never made.</summary>
    public long? InstallationOf(string token) => _tokens.TryGetValue(token, out var issued) ? issued.Installation : null;

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _publicKey.Dispose();
    }

    private void Route(string method, string pattern, IResponseBuilder response) =>
        _server.Given(Request.Create().WithPath(new RegexMatcher(pattern)).UsingMethod(method)).RespondWith(response);

    private ResponseMessage CreateToken(IRequestMessage request)
    {
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        var installation = long.Parse(Group(request, @"^/app/installations/(?<id>\d+)/", "id"), CultureInfo.InvariantCulture);
        bool known;
        lock (_installations)
        {
            known = _installations.ContainsValue(installation);
        }

        if (!known)
        {
            return Json(404, new JsonObject { ["message"] = "Not Found" });
        }

        var token = $"ghs_{installation}_{Interlocked.Increment(ref _issued)}";
        var expiresAt = _clock.GetUtcNow() + TokenLifetime;
        _tokens[token] = (installation, expiresAt);
        return Json(201, new JsonObject
        {
            ["token"] = token,
            ["expires_at"] = expiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["permissions"] = new JsonObject { ["issues"] = "write" },
            ["repository_selection"] = "all",
        });
    }

    private ResponseMessage FindInstallation(IRequestMessage request)
    {
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        var owner = Group(request, "^/(repos|orgs)/(?<owner>[^/]+)", "owner");
        long installation;
        lock (_installations)
        {
            if (!_installations.TryGetValue(owner, out installation))
            {
                return Json(404, new JsonObject { ["message"] = "Not Found" });
            }
        }

        return Json(200, new JsonObject
        {
            ["id"] = installation,
            ["app_id"] = _appId,
            ["account"] = new JsonObject { ["login"] = owner, ["id"] = 1 },
            ["target_type"] = "Organization",
        });
    }

    private ResponseMessage CreateComment(IRequestMessage request) =>
        InstallationRefusal(request, Group(request, "^/repos/(?<owner>[^/]+)", "owner"))
        ?? Json(201, new JsonObject { ["id"] = 7, ["body"] = "", ["user"] = new JsonObject { ["login"] = "iacbot[bot]" } });

    private ResponseMessage TeamMembership(IRequestMessage request) =>
        InstallationRefusal(request, Group(request, "^/orgs/(?<owner>[^/]+)", "owner"))
        ?? Json(200, new JsonObject { ["state"] = "active", ["role"] = "member", ["url"] = "" });

    /// <summary>Records the request and answers 401 unless it carries a JWT GitHub would take.</summary>
    private ResponseMessage? Refusal(IRequestMessage request)
    {
        var authorization = Record(request);
        const string bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(bearer, StringComparison.Ordinal))
        {
            return Json(401, new JsonObject { ["message"] = "A JSON web token could not be decoded" });
        }

        var problem = JwtCheck.Problem(authorization[bearer.Length..], _publicKey, _appId, _clock.GetUtcNow());
        return problem is null ? null : Json(401, new JsonObject { ["message"] = $"'Expiration time' claim ('exp') or signature is invalid: {problem}" });
    }

    /// <summary>Records the request and answers 401 unless it carries an unexpired token of the owner's installation.</summary>
    private ResponseMessage? InstallationRefusal(IRequestMessage request, string owner)
    {
        var authorization = Record(request);
        // GitHub takes either scheme, in any case (Octokit sends "Token").
        var token = authorization?.Split(' ', 2) is [var scheme, var given] && scheme.ToLowerInvariant() is "token" or "bearer" ? given : "";
        long expected;
        lock (_installations)
        {
            expected = _installations.GetValueOrDefault(owner);
        }

        return !RefuseEveryToken && _tokens.TryGetValue(token, out var issued) && issued.Installation == expected && issued.ExpiresAt > _clock.GetUtcNow()
            ? null
            : Json(401, new JsonObject { ["message"] = "Bad credentials" });
    }

    private string? Record(IRequestMessage request)
    {
        var authorization = request.Headers?
            .FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        _requests.Enqueue((request.Path, authorization));
        return authorization;
    }

    private static string Group(IRequestMessage request, string pattern, string group) =>
        Uri.UnescapeDataString(Regex.Match(request.Path, pattern).Groups[group].Value);

    private static ResponseMessage Json(int status, JsonNode body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }
}
