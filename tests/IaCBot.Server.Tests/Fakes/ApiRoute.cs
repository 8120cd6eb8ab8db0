using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>One REST route of the fake: its method, its path as a regex with named groups, and its handler.</summary>
/// <param name="OwnAuthentication">The handler checks the caller itself (a GitHub App's JWT) instead of the router's token check.</param>
internal sealed record ApiRoute(string Method, string PathPattern, Func<ApiRequest, ResponseMessage> Handle, bool OwnAuthentication = false)
{
    public const string RepoPath = "^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)";
}
