using System.Globalization;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Fakes.GitLab;

namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// A fake GitLab with the project in a nested group (<c>acme/platform/infra</c>), driven through the host-neutral
/// interface: a pull request is a merge request, its number the iid.
/// </summary>
public sealed class GitLabHost : IGitHostUnderTest
{
    private const string Project = "acme/platform/infra";

    private readonly FakeGitLab _gitlab = new();
    private readonly Dictionary<int, FakeMergeRequest> _mergeRequests = [];
    private readonly Dictionary<int, string> _headBeforePush = [];

    public GitLabHost() =>
        Settings = new Dictionary<string, string?>
        {
            ["server:repo_allowlist:1"] = $"{_gitlab.Host}/acme/*",
            ["gitlab:url"] = _gitlab.Url,
            ["gitlab:token"] = _gitlab.Token,
            ["gitlab:webhook_secret"] = WebhookSecret,
            ["gitlab:user"] = FakeGitLab.BotUsername,
        };

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string BotUser => FakeGitLab.BotUsername;

    public int CommentLimit => 1_000_000;

    public string FailureState => "failed";

    public string WebhookSecret => "gitlab-webhook-secret";

    public string Reference(int number) => $"!{number}";

    public string CheckoutPath(int number) =>
        Path.Combine(["repos", _gitlab.Host.Replace(':', '_'), .. Project.Split('/'), number.ToString(CultureInfo.InvariantCulture)]);

    public void Open(int number, string author, string branch, string headSha, string cloneUrl, IEnumerable<string> files) =>
        (_mergeRequests[number] = _gitlab.AddMergeRequest(Project, number, author, headSha, branch, cloneUrl)).Files.AddRange(files);

    public void Push(int number, string headSha, IEnumerable<string> files)
    {
        var mr = _mergeRequests[number];
        _headBeforePush[number] = mr.HeadSha;
        mr.HeadSha = headSha;
        mr.Files.AddRange(files.Where(f => !mr.Files.Contains(f)));
    }

    public void Approve(int number, string user) => _mergeRequests[number].Approve(user);

    public void Merge(int number) => _mergeRequests[number].Merge();

    public void Close(int number) => _mergeRequests[number].Close();

    public HttpRequestMessage PullRequestEvent(int number, PullRequestChange change, string? secret, string? deliveryId = null)
    {
        var mr = _mergeRequests[number];
        var body = change switch
        {
            PullRequestChange.Opened => GitLabWebhooks.MergeRequest(_gitlab, mr, "open", mr.Author),
            PullRequestChange.Pushed => GitLabWebhooks.MergeRequest(_gitlab, mr, "update", mr.Author, oldrev: _headBeforePush[number]),
            _ => GitLabWebhooks.MergeRequest(_gitlab, mr, mr.State == "merged" ? "merge" : "close", mr.Author),
        };
        return GitLabWebhooks.Delivery("Merge Request Hook", body, secret, deliveryId);
    }

    public HttpRequestMessage CommentEvent(int number, string user, string body, string? secret) =>
        GitLabWebhooks.Delivery("Note Hook", GitLabWebhooks.Note(_gitlab, _mergeRequests[number], user, body), secret);

    public string HeadSha(int number) => _mergeRequests[number].HeadSha;

    public IReadOnlyList<FakeComment> Comments(int number) => _gitlab.Notes(_mergeRequests[number]);

    public Task<FakeComment> WaitForCommentAsync(int number, Func<FakeComment, bool> match) =>
        _gitlab.WaitForCommentAsync(_mergeRequests[number], match);

    public Task<FakeStatus> WaitForStatusAsync(string sha, Func<FakeStatus, bool> match) => _gitlab.WaitForStatusAsync(sha, match);

    public int ApiRequestCount() => _gitlab.RequestCount("*", "/");

    public void Dispose() => _gitlab.Dispose();
}
