using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>One REST route of the fake: its method, its path as a regex with named groups, and its handler.</summary>
internal sealed record ApiRoute(string Method, string PathPattern, Func<ApiRequest, ResponseMessage> Handle)
{
    public const string RepoPath = "^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)";
}
