using System.Globalization;
using IaCBot.Server.Tests.Fakes;

namespace IaCBot.Server.Tests.Harness;

/// <summary>A fake Gitea with acme/infra on it, driven through the host-neutral interface.</summary>
public sealed class GiteaHost : IGitHostUnderTest
{
    private const string Owner = "acme";
    private const string Repo = "infra";

    private readonly FakeGitea _gitea = new();
    private readonly Dictionary<int, FakePullRequest> _pulls = [];

    public GiteaHost() =>
        Settings = new Dictionary<string, string?>
        {
            ["server:repo_allowlist:1"] = $"{_gitea.Host}/{Owner}/*",
            ["gitea:url"] = _gitea.Url,
            ["gitea:token"] = _gitea.Token,
            ["gitea:webhook_secret"] = WebhookSecret,
            ["gitea:user"] = _gitea.BotLogin,
        };

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string BotUser => _gitea.BotLogin;

    public int CommentLimit => 65_536;

    public string FailureState => "failure";

    public string WebhookSecret => "gitea-webhook-secret";

    public string Reference(int number) => $"#{number}";

    public string CheckoutPath(int number) =>
        Path.Combine("repos", _gitea.Host.Replace(':', '_'), Owner, Repo, number.ToString(CultureInfo.InvariantCulture));

    public void Open(int number, string author, string branch, string headSha, string cloneUrl, IEnumerable<string> files) =>
        (_pulls[number] = _gitea.AddPullRequest(Owner, Repo, number, author, headSha, branch, cloneUrl)).Files.AddRange(files);

    public void Push(int number, string headSha, IEnumerable<string> files)
    {
        var pr = _pulls[number];
        pr.HeadSha = headSha;
        pr.Files.AddRange(files.Where(f => !pr.Files.Contains(f)));
    }

    public void Approve(int number, string user) => _pulls[number].AddReview(user, "APPROVED");

    public void Merge(int number) => _pulls[number].Merge();

    public void Close(int number) => _pulls[number].Close();

    public HttpRequestMessage PullRequestEvent(int number, PullRequestChange change, string? secret, string? deliveryId = null)
    {
        var pr = _pulls[number];
        var action = change switch
        {
            PullRequestChange.Opened => "opened",
            PullRequestChange.Pushed => "synchronized",
            _ => "closed",
        };
        return GiteaWebhooks.Delivery("pull_request", GiteaWebhooks.PullRequest(action, pr, pr.Author, _gitea.Url), secret, deliveryId);
    }

    public HttpRequestMessage CommentEvent(int number, string user, string body, string? secret) =>
        GiteaWebhooks.Delivery("issue_comment", GiteaWebhooks.IssueComment(_pulls[number], user, body, _gitea.Url), secret);

    public string HeadSha(int number) => _pulls[number].HeadSha;

    public IReadOnlyList<FakeComment> Comments(int number) => _gitea.Comments(Owner, Repo, number);

    public Task<FakeComment> WaitForCommentAsync(int number, Func<FakeComment, bool> match) =>
        _gitea.WaitForCommentAsync(Owner, Repo, number, match);

    public Task<FakeStatus> WaitForStatusAsync(string sha, Func<FakeStatus, bool> match) =>
        _gitea.WaitForStatusAsync(Owner, Repo, sha, match);

    public int ApiRequestCount() => _gitea.RequestCount("*", "/");

    public void Dispose() => _gitea.Dispose();
}
