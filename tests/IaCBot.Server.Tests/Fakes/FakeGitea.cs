using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// A stateful fake of a Gitea (or Forgejo) server's <c>/api/v1</c> on a loopback port, for the server to call as it
/// would gitea.example.com. It keeps its PRs, comments and statuses in the same state type as <see cref="FakeGitHub"/>
/// and answers in Gitea's shapes; faults can be injected per route.
/// </summary>
public sealed class FakeGitea : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private readonly FakeGitHubState _state = new();
    private readonly WireMockServer _server;

    public FakeGitea(string token = "gitea-test-token")
    {
        Token = token;
        _server = LoopbackWireMock.Start();
        Url = $"http://127.0.0.1:{_server.Port}/";
        var routes = new FakeGiteaRoutes(_state, Url, token, BotLogin);
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(routes.Handle));
    }

    /// <summary>The server's root, ending in <c>/</c>, as <c>gitea:url</c> takes it.</summary>
    public string Url { get; }

    /// <summary>The host repositories of this server are known by: <c>127.0.0.1:port</c>.</summary>
    public string Host => new Uri(Url).Authority;

    public string Token { get; }

    /// <summary>The bot's user (<c>gitea:user</c>): comments created through the API are by it.</summary>
    public string BotLogin { get; } = "iacbot";

    public FakePullRequest AddPullRequest(string owner, string repo, int number, string author, string headSha,
        string headBranch, string cloneUrl, string baseBranch = "main")
    {
        var pull = _state.AddPull(owner, repo, number);
        pull.Author = author;
        pull.HeadSha = headSha;
        pull.HeadBranch = headBranch;
        pull.CloneUrl = cloneUrl;
        pull.BaseBranch = baseBranch;
        return pull;
    }

    /// <summary>A user's permission on a repository as Gitea names it: owner, admin, write, read or none.</summary>
    public void SetRole(string owner, string repo, string user, string permission) => _state.SetRole(owner, repo, user, permission);

    public IReadOnlyList<FakeComment> Comments(string owner, string repo, int number) =>
        _state.CommentsOf(owner, repo, number).Select(c => c.Comment).ToList();

    public IReadOnlyList<FakeStatus> Statuses(string owner, string repo, string sha) => _state.StatusesOf(owner, repo, sha);

    public bool IsBranchDeleted(string owner, string repo, string branch) => _state.IsBranchDeleted(owner, repo, branch);

    /// <summary>How many requests had this method (<c>*</c> for any) and a path containing the text.</summary>
    public int RequestCount(string method, string pathContains) => _state.CountRequests(method, pathContains);

    /// <summary>The next <paramref name="times"/> matching requests get <paramref name="statusCode"/> with Gitea's error shape.</summary>
    public void FailNext(string method, string pathContains, int statusCode, int times = 1, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _state.AddFault(new FakeFault(method, pathContains, statusCode, times, new Dictionary<string, string>(), message));
    }

    public Task<FakeComment> WaitForCommentAsync(string owner, string repo, int number, Func<FakeComment, bool> match, TimeSpan? timeout = null)
    {
        return DeadlineWait.CommentAsync(() => Comments(owner, repo, number), match, timeout ?? DefaultWait, $"{owner}/{repo}#{number}");
    }

    public Task<FakeStatus> WaitForStatusAsync(string owner, string repo, string sha, Func<FakeStatus, bool> match, TimeSpan? timeout = null)
    {
        return DeadlineWait.StatusAsync(() => Statuses(owner, repo, sha), match, timeout ?? DefaultWait, $"{owner}/{repo}@{sha}");
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
