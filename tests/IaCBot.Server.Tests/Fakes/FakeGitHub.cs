using WireMock.Server;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// A stateful fake of GitHub's REST API on a loopback port, for the server to call through Octokit as it would call
/// api.github.com. Answers are computed per request from the PRs, comments and statuses the fake holds, in the shapes
/// and with the limits of GitHub's own (pagination, the 3000-file cap, the comment and description lengths, the
/// token check); faults can be injected per route.
/// </summary>
public sealed class FakeGitHub : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private readonly FakeGitHubState _state = new();
    private readonly RepositoryRoutes _repositories = new();
    private readonly WireMockServer _server;

    public FakeGitHub(string token = "test-token")
    {
        Token = token;
        _server = LoopbackWireMock.Start();
        ApiUrl = $"http://127.0.0.1:{_server.Port}/";
        var router = new FakeGitHubRouter(_state, ApiUrl, token);
        router.Register(_server, [
            .. new PullRequestRoutes(_state).All(),
            .. new IssueCommentRoutes(_state, BotLogin).All(),
            .. new StatusRoutes(_state, BotLogin).All(),
            .. new MergeRoutes(_state).All(),
            .. new AccessRoutes(_state).All(),
            .. new AppRoutes(_state).All(),
            .. _repositories.All(),
        ]);
    }

    /// <summary>
    /// Installs a GitHub App on every repository: its routes take a JWT signed by <paramref name="key"/>, and from
    /// now on the API takes only the installation tokens it made, not <see cref="Token"/>.
    /// </summary>
    public void InstallApp(long appId, System.Security.Cryptography.RSA key, long installationId) =>
        _state.App.Install(appId, key, installationId);

    /// <summary>True when the branch was deleted through the API.</summary>
    public bool IsBranchDeleted(string owner, string repo, string branch) => _state.IsBranchDeleted(owner, repo, branch);

    /// <summary>The API root, ending in <c>/</c>, as <c>github:api_url</c> takes it.</summary>
    public string ApiUrl { get; }

    public string Token { get; }

    /// <summary>Who the token belongs to: comments and statuses created through the API are by this login.</summary>
    public string BotLogin { get; } = "iacbot-bot";

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

    /// <summary>
    /// Makes the repository known on its own, apart from its pull requests: its clone URL, and which commit a branch,
    /// tag or SHA names (<paramref name="resolve"/> answers null for one it lacks).
    /// </summary>
    public void AddRepository(string owner, string repo, string cloneUrl, Func<string, string?> resolve, string defaultBranch = "main") =>
        _repositories.Add(owner, repo, cloneUrl, defaultBranch, resolve);

    /// <summary>A user's role on a repository: admin, maintain, write, triage, read or none.</summary>
    public void SetRole(string owner, string repo, string user, string role) => _state.SetRole(owner, repo, user, role);

    /// <summary>The role of every user without one set; <c>write</c> unless a test says otherwise.</summary>
    public string DefaultRole
    {
        get => _state.DefaultRole;
        set => _state.DefaultRole = value;
    }

    /// <summary>Makes the user a member of the organisation's team: <c>active</c>, or <c>pending</c> while invited.</summary>
    public void AddTeamMember(string org, string teamSlug, string user, string state = "active") =>
        _state.SetTeamMembership(org, teamSlug, user, state);

    /// <summary>A comment someone wrote on github.com, there before the server lists the PR's comments.</summary>
    public FakeComment AddComment(string owner, string repo, int number, string user, string body) =>
        _state.AddComment(owner, repo, number, user, body).Comment;

    /// <summary>The PR's comments in posting order.</summary>
    public IReadOnlyList<FakeComment> Comments(string owner, string repo, int number) =>
        _state.CommentsOf(owner, repo, number).Select(c => c.Comment).ToList();

    /// <summary>The statuses posted on a commit, in posting order.</summary>
    public IReadOnlyList<FakeStatus> Statuses(string owner, string repo, string sha) => _state.StatusesOf(owner, repo, sha);

    /// <summary>The first comment (already there or yet to come) that matches; throws, listing what was seen, at the deadline.</summary>
    public Task<FakeComment> WaitForCommentAsync(string owner, string repo, int number, Func<FakeComment, bool> match, TimeSpan? timeout = null)
    {
        return DeadlineWait.CommentAsync(() => Comments(owner, repo, number), match, timeout ?? DefaultWait, $"{owner}/{repo}#{number}");
    }

    /// <summary>The first status on <paramref name="sha"/> that matches; throws, listing what was seen, at the deadline.</summary>
    public Task<FakeStatus> WaitForStatusAsync(string owner, string repo, string sha, Func<FakeStatus, bool> match, TimeSpan? timeout = null)
    {
        return DeadlineWait.StatusAsync(() => Statuses(owner, repo, sha), match, timeout ?? DefaultWait, $"{owner}/{repo}@{sha}");
    }

    /// <summary>
    /// The next <paramref name="times"/> requests whose method matches (<c>*</c> for any) and whose path contains
    /// <paramref name="pathContains"/> get <paramref name="statusCode"/>, before the token is even checked.
    /// <paramref name="body"/> is the JSON to send, or a message to wrap in GitHub's error shape; by default the
    /// status's usual message. A 403 with <c>X-RateLimit-Remaining: 0</c> is GitHub's rate-limit answer.
    /// </summary>
    public void FailNext(string method, string pathContains, int statusCode, int times = 1,
        IReadOnlyDictionary<string, string>? headers = null, string? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _state.AddFault(new FakeFault(method, pathContains, statusCode, times, headers ?? new Dictionary<string, string>(), body));
    }

    /// <summary>The next matching requests hit the primary rate limit (403, no requests left, reset in a minute).</summary>
    public void RateLimitNext(string method, string pathContains, int times = 1) =>
        FailNext(method, pathContains, 403, times, new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0" });

    /// <summary>The next matching requests hit a secondary rate limit, with a <c>Retry-After</c> when one is given.</summary>
    public void SecondaryRateLimitNext(string method, string pathContains, TimeSpan? retryAfter = null, int times = 1)
    {
        var headers = new Dictionary<string, string>();
        if (retryAfter is { } wait)
        {
            headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        FailNext(method, pathContains, 403, times, headers, FaultResponses.SecondaryMessage);
    }

    /// <summary>
    /// The next <paramref name="times"/> requests whose method matches (<c>*</c> for any) and whose path contains
    /// <paramref name="pathContains"/> are answered only after <paramref name="delay"/>, as a GitHub that hangs would.
    /// </summary>
    public void DelayNext(string method, string pathContains, TimeSpan delay, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _state.AddDelay(new FakeDelay(method, pathContains, delay, times));
    }

    /// <summary>When the requests with this method (<c>*</c> for any) and a path containing the text arrived, in order.</summary>
    public IReadOnlyList<DateTimeOffset> RequestTimes(string method, string pathContains) =>
        _state.RequestsTo(method, pathContains).Select(r => r.At).ToList();

    /// <summary>How many requests (answered, refused or failed) had this method (<c>*</c> for any) and a path containing the text.</summary>
    public int RequestCount(string method, string pathContains) => _state.CountRequests(method, pathContains);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
