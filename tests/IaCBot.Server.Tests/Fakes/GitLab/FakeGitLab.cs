using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>
/// A stateful fake of GitLab's REST API v4 on a loopback port, for the server to call as it would call gitlab.com:
/// merge requests, their diffs, notes and approvals, commit statuses, members and merges, answered from what the
/// fake holds; faults can be injected per route. Its address is what <c>gitlab:url</c> takes.
/// </summary>
public sealed class FakeGitLab : IDisposable
{
    /// <summary>Who the token belongs to: notes created through the API are by this username.</summary>
    public const string BotUsername = "iacbot-bot";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private readonly FakeGitLabState _state = new();
    private readonly WireMockServer _server;

    public FakeGitLab(string token = "glpat-test-token")
    {
        Token = token;
        _server = LoopbackWireMock.Start();
        Url = $"http://127.0.0.1:{_server.Port}";
        var api = new FakeGitLabApi(_state, token);
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(api.Handle));
    }

    /// <summary>The instance's address, as <c>gitlab:url</c> takes it.</summary>
    public string Url { get; }

    /// <summary>The host repositories on this instance have: the address's authority.</summary>
    public string Host => new Uri(Url).Authority;

    public string Token { get; }

    /// <summary>Opens a merge request of <paramref name="projectPath"/> (<c>group/sub/project</c>) whose source branch is fetched from <paramref name="cloneUrl"/>.</summary>
    public FakeMergeRequest AddMergeRequest(string projectPath, int iid, string author, string headSha, string sourceBranch, string cloneUrl, string targetBranch = "main")
    {
        var mr = _state.AddMergeRequest(projectPath, iid);
        mr.Project.CloneUrl = cloneUrl;
        mr.Author = author;
        mr.HeadSha = headSha;
        mr.SourceBranch = sourceBranch;
        mr.CloneUrl = cloneUrl;
        mr.TargetBranch = targetBranch;
        return mr;
    }

    /// <summary>The numeric id GitLab gives the project.</summary>
    public long ProjectId(string projectPath) => _state.Project(projectPath).Id;

    /// <summary>
    /// A user's access level on a project or group: 10 guest, 20 reporter, 30 developer, 40 maintainer, 50 owner.
    /// On a project, users without one are developers (<see cref="DefaultAccessLevel"/>); a group has no other members.
    /// </summary>
    public void SetRole(string path, string user, int accessLevel) => _state.SetAccess(path, user, accessLevel);

    public int DefaultAccessLevel
    {
        get => _state.DefaultAccessLevel;
        set => _state.DefaultAccessLevel = value;
    }

    /// <summary>A note someone wrote on GitLab, there before the server lists the merge request's notes.</summary>
    public FakeComment AddNote(FakeMergeRequest mr, string user, string body) => _state.AddNote(mr.ProjectPath, mr.Iid, user, body);

    /// <summary>The merge request's notes in posting order.</summary>
    public IReadOnlyList<FakeComment> Notes(FakeMergeRequest mr) => _state.Notes(mr.ProjectPath, mr.Iid);

    /// <summary>The statuses posted on a commit, in posting order.</summary>
    public IReadOnlyList<FakeStatus> Statuses(string sha) => _state.Statuses(sha);

    public bool IsBranchDeleted(FakeMergeRequest mr) => _state.IsBranchDeleted(mr.ProjectPath, mr.SourceBranch);

    /// <summary>The first note (already there or yet to come) that matches; throws, listing what was seen, at the deadline.</summary>
    public Task<FakeComment> WaitForCommentAsync(FakeMergeRequest mr, Func<FakeComment, bool> match, TimeSpan? timeout = null)
    {
        return DeadlineWait.CommentAsync(() => Notes(mr), match, timeout ?? DefaultWait, $"{mr.ProjectPath}!{mr.Iid}");
    }

    /// <summary>The first status on <paramref name="sha"/> that matches; throws, listing what was seen, at the deadline.</summary>
    public Task<FakeStatus> WaitForStatusAsync(string sha, Func<FakeStatus, bool> match, TimeSpan? timeout = null)
    {
        return DeadlineWait.StatusAsync(() => Statuses(sha), match, timeout ?? DefaultWait, sha);
    }

    /// <summary>
    /// The next <paramref name="times"/> requests whose method matches (<c>*</c> for any) and whose decoded path
    /// (<c>/api/v4/projects/acme/infra/merge_requests/1/notes</c>) contains <paramref name="pathContains"/> get
    /// <paramref name="statusCode"/>, before the token is even checked.
    /// </summary>
    public void FailNext(string method, string pathContains, int statusCode, int times = 1, IReadOnlyDictionary<string, string>? headers = null, string? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _state.AddFault(new FakeFault(method, pathContains, statusCode, times, headers ?? new Dictionary<string, string>(), body));
    }

    /// <summary>How many requests (answered, refused or failed) had this method (<c>*</c> for any) and a decoded path containing the text.</summary>
    public int RequestCount(string method, string pathContains) => _state.CountRequests(method, pathContains);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
