using IaCBot.Server.Tests.Fakes;

namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// One Git host's fake as the host-neutral flow suite drives it: pull requests (merge requests on GitLab) by number
/// on the shared test repository, the host's own webhooks for what happens to them, and what the bot wrote back.
/// Each adapter wraps a fake and keeps that host's words (<c>!1</c>, <c>failed</c>) out of the suite.
/// </summary>
public interface IGitHostUnderTest : IDisposable
{
    /// <summary>The settings that point IaCBot at this host, added to the GitHub ones every server test has.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Who the bot's comments are by.</summary>
    string BotUser { get; }

    /// <summary>The most characters one comment may have on this host.</summary>
    int CommentLimit { get; }

    /// <summary>The commit status state of a failed check: <c>failure</c>, or <c>failed</c> on GitLab.</summary>
    string FailureState { get; }

    /// <summary>How the host refers to a pull request in Markdown: <c>#1</c>, or <c>!1</c> on GitLab.</summary>
    string Reference(int number);

    /// <summary>Where the server checks the pull request out, relative to <c>data_dir</c>.</summary>
    string CheckoutPath(int number);

    /// <summary>Opens pull request <paramref name="number"/> of <paramref name="branch"/>, fetched from <paramref name="cloneUrl"/>.</summary>
    void Open(int number, string author, string branch, string headSha, string cloneUrl, IEnumerable<string> files);

    /// <summary>A new head commit on the pull request's branch, changing <paramref name="files"/> too.</summary>
    void Push(int number, string headSha, IEnumerable<string> files);

    /// <summary>The user approves the pull request: an approving review, or an approval on GitLab.</summary>
    void Approve(int number, string user);

    void Merge(int number);

    void Close(int number);

    /// <summary>The host's webhook delivery for <paramref name="change"/>, signed with <paramref name="secret"/> (none when null).</summary>
    HttpRequestMessage PullRequestEvent(int number, PullRequestChange change, string? secret, string? deliveryId = null);

    /// <summary>The host's webhook delivery of a new comment by <paramref name="user"/>, signed with <paramref name="secret"/>.</summary>
    HttpRequestMessage CommentEvent(int number, string user, string body, string? secret);

    /// <summary>The secret the server is configured with for this host's webhooks.</summary>
    string WebhookSecret { get; }

    string HeadSha(int number);

    /// <summary>The comments on the pull request, in posting order.</summary>
    IReadOnlyList<FakeComment> Comments(int number);

    /// <summary>The first comment (already there or yet to come) that matches; throws, listing what was seen, at the deadline.</summary>
    Task<FakeComment> WaitForCommentAsync(int number, Func<FakeComment, bool> match);

    /// <summary>The first status on <paramref name="sha"/> that matches; throws, listing what was seen, at the deadline.</summary>
    Task<FakeStatus> WaitForStatusAsync(string sha, Func<FakeStatus, bool> match);

    /// <summary>How many API requests the host has had, answered or not.</summary>
    int ApiRequestCount();
}
