using System.Diagnostics;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using IaCBot.Bench.Server;

namespace IaCBot.Bench.Flow;

/// <summary>
/// A GitHub API that answers the calls a plan makes (the pull request, its files and reviews, comments, statuses,
/// permissions) for one pull request, and records what the server posted and when. Nothing else: a call it does not
/// know is answered 404 and listed in <see cref="UnknownCalls"/>, so a benchmark can tell it missed something.
/// </summary>
internal sealed class AnsweringGitHub : IDisposable
{
    private const string Repo = "^/repos/[^/]+/[^/]+";
    private readonly WireMockServer _server;
    private readonly Lock _gate = new();
    private readonly List<PostedComment> _comments = [];
    private readonly List<PostedStatus> _statuses = [];
    private readonly List<string> _unknown = [];
    private StubPullRequest? _pull;

    public AnsweringGitHub()
    {
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{FreePort.Find()}"],
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = 0,
            DisableJsonBodyParsing = true,
        });
        Route("GET", Repo + @"/pulls/\d+$", _ => Pull() is { } pr ? StubAnswers.Json(200, pr.ApiJson) : StubAnswers.NotFound());
        Route("GET", Repo + @"/pulls/\d+/files$", Files);
        Route("GET", Repo + @"/pulls/\d+/reviews$", _ => StubAnswers.Json(200, "[]"));
        Route("GET", Repo + @"/issues/\d+/comments$", _ => StubAnswers.Json(200, StubAnswers.Comments(Snapshot(_comments))));
        Route("POST", Repo + @"/issues/\d+/comments$", AddComment);
        Route("PATCH", Repo + @"/issues/comments/\d+$", m => StubAnswers.Json(200, StubAnswers.Comment(new PostedComment(0, StubAnswers.BodyOf(m), 0))));
        Route("POST", Repo + "/statuses/[^/]+$", AddStatus);
        Route("GET", Repo + "/collaborators/[^/]+/permission$", _ => StubAnswers.Json(200, """{"permission":"admin","role_name":"admin","user":{"login":"bench"}}"""));
        _server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod()).AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(m =>
            {
                lock (_gate)
                {
                    _unknown.Add($"{m.Method} {m.Path}");
                }

                return StubAnswers.NotFound();
            }));
    }

    public string ApiUrl => $"http://127.0.0.1:{_server.Ports[0]}/";

    public IReadOnlyList<string> UnknownCalls => Snapshot(_unknown);

    public IReadOnlyList<PostedComment> Comments => Snapshot(_comments);

    public IReadOnlyList<PostedStatus> Statuses => Snapshot(_statuses);

    /// <summary>Serves <paramref name="pull"/> from now on, with no comments or statuses yet.</summary>
    public void Serve(StubPullRequest pull)
    {
        lock (_gate)
        {
            _pull = pull;
            _comments.Clear();
            _statuses.Clear();
            _unknown.Clear();
        }
    }

    /// <summary>The first posted comment containing <paramref name="text"/>, waited for up to <paramref name="cap"/>.</summary>
    public Task<PostedComment> CommentContainingAsync(string text, TimeSpan cap) =>
        WaitAsync(() => Comments.FirstOrDefault(c => c.Body.Contains(text, StringComparison.Ordinal)), cap, $"a comment containing '{text}'");

    /// <summary>The first status <paramref name="context"/> set to <paramref name="state"/>, waited for up to <paramref name="cap"/>.</summary>
    public Task<PostedStatus> StatusAsync(string context, string state, TimeSpan cap) =>
        WaitAsync(() => Statuses.FirstOrDefault(s => s.Context == context && s.State == state), cap, $"status {context} {state}");

    public void Dispose() => _server.Dispose();

    private async Task<T> WaitAsync<T>(Func<T?> find, TimeSpan cap, string what)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < cap)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        var posted = string.Join("\n", Comments.Select(c => c.Body.Length > 300 ? c.Body[..300] + "…" : c.Body));
        throw new TimeoutException($"No {what} within {cap.TotalSeconds} s. Comments posted:\n{posted}\nUnknown calls: {string.Join(", ", UnknownCalls)}");
    }

    private ResponseMessage Files(IRequestMessage message)
    {
        // One page holds them all; a later page (Octokit follows Link headers only) is empty.
        var firstPage = message.Query is null || !message.Query.TryGetValue("page", out var page) || page.FirstOrDefault() is null or "1";
        var files = firstPage && Pull() is { } pr ? pr.Files : [];
        return StubAnswers.Json(200, new JsonArray([.. files.Select(StubAnswers.File)]).ToJsonString());
    }

    private ResponseMessage AddComment(IRequestMessage message)
    {
        PostedComment comment;
        lock (_gate)
        {
            comment = new PostedComment(_comments.Count + 1, StubAnswers.BodyOf(message), Stopwatch.GetTimestamp());
            _comments.Add(comment);
        }

        return StubAnswers.Json(201, StubAnswers.Comment(comment));
    }

    private ResponseMessage AddStatus(IRequestMessage message)
    {
        var body = JsonNode.Parse(message.Body ?? "{}")!.AsObject();
        var status = new PostedStatus(
            message.Path[(message.Path.LastIndexOf('/') + 1)..],
            body["context"]?.GetValue<string>() ?? "default",
            body["state"]?.GetValue<string>() ?? "",
            body["description"]?.GetValue<string>() ?? "",
            Stopwatch.GetTimestamp());
        lock (_gate)
        {
            _statuses.Add(status);
        }

        return StubAnswers.Json(201, StubAnswers.Status(status, _statuses.Count));
    }

    private void Route(string method, string pathPattern, Func<IRequestMessage, ResponseMessage> answer) =>
        _server.Given(Request.Create().WithPath(new RegexMatcher(pathPattern)).UsingMethod(method)).AtPriority(10)
            .RespondWith(Response.Create().WithCallback(answer));

    private StubPullRequest? Pull()
    {
        lock (_gate)
        {
            return _pull;
        }
    }

    private List<T> Snapshot<T>(List<T> items)
    {
        lock (_gate)
        {
            return [.. items];
        }
    }
}
