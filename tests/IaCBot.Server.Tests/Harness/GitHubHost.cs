using IaCBot.Server.Tests.Fakes;

namespace IaCBot.Server.Tests.Harness;

/// <summary>The fake GitHub every <see cref="ServerTest"/> has, driven through the host-neutral interface, for acme/infra.</summary>
public sealed class GitHubHost(FakeGitHub github) : IGitHostUnderTest
{
    private const string Owner = "acme";
    private const string Repo = "infra";

    private readonly Dictionary<int, FakePullRequest> _pulls = [];

    /// <summary>None beyond what every server test sets: <see cref="IaCBotApp"/> is configured for GitHub already.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public string BotUser => github.BotLogin;

    public int CommentLimit => 65_536;

    public string FailureState => "failure";

    public string WebhookSecret => IaCBotApp.WebhookSecret;

    public string Reference(int number) => $"#{number}";

    public string CheckoutPath(int number) => Path.Combine("repos", "github.com", Owner, Repo, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Open(int number, string author, string branch, string headSha, string cloneUrl, IEnumerable<string> files) =>
        (_pulls[number] = github.AddPullRequest(Owner, Repo, number, author, headSha, branch, cloneUrl)).Files.AddRange(files);

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
            PullRequestChange.Pushed => "synchronize",
            _ => "closed",
        };
        return WebhookDelivery.Create("pull_request", GitHubWebhooks.PullRequest(action, pr, pr.Author), secret, deliveryId);
    }

    public HttpRequestMessage CommentEvent(int number, string user, string body, string? secret) =>
        WebhookDelivery.Create("issue_comment", GitHubWebhooks.IssueComment(_pulls[number], user, body), secret);

    public string HeadSha(int number) => _pulls[number].HeadSha;

    public IReadOnlyList<FakeComment> Comments(int number) => github.Comments(Owner, Repo, number);

    public Task<FakeComment> WaitForCommentAsync(int number, Func<FakeComment, bool> match) =>
        github.WaitForCommentAsync(Owner, Repo, number, match);

    public Task<FakeStatus> WaitForStatusAsync(string sha, Func<FakeStatus, bool> match) =>
        github.WaitForStatusAsync(Owner, Repo, sha, match);

    public int ApiRequestCount() => github.RequestCount("*", "/");

    /// <summary>The fake belongs to the <see cref="ServerTest"/>, which stops it.</summary>
    public void Dispose()
    {
    }
}
