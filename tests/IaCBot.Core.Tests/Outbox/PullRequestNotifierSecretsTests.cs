using IaCBot.Core.Outbox;
using IaCBot.Core.Redaction;
using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.Outbox;

/// <summary>The notifier as the last gate: nothing it stores or sends holds a server secret.</summary>
public sealed class PullRequestNotifierSecretsTests
{
    private const string Secret = "ghp_notifier-secret-1";
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 7);
    private readonly InMemoryOutboxStore _store = new();
    private readonly ScriptedVcsClient _vcs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Redactor _redactor = new([Secret]);

    [Fact]
    public async Task A_comment_is_stored_and_posted_with_secrets_masked()
    {
        _vcs.FailNextComment(new VcsException("GitHub had a problem", 502, isTransient: true));

        await Notifier().CommentAsync(Pull, $"the token is {Secret}", CancellationToken.None);

        Assert.StartsWith("the token is ***", Assert.Single(_store.All).Body, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Dispatcher().FlushAsync(null, CancellationToken.None);
        Assert.StartsWith("the token is ***\n", Assert.Single(_vcs.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_at_the_place_a_long_comment_is_split_is_masked_before_the_split()
    {
        var filler = new string('x', _vcs.MaxCommentLength(Pull.Repo) - OutboxDispatcher.MarkerLength - 10);

        await Notifier().CommentAsync(Pull, filler + Secret + " end", CancellationToken.None);

        Assert.All(_vcs.Comments, c => Assert.DoesNotContain("notifier-secret", c.Body, StringComparison.Ordinal));
        Assert.Contains("***", string.Concat(_vcs.Comments.Select(c => c.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_status_description_is_masked()
    {
        await Notifier().SetStatusAsync(Pull, "abc123", new CommitStatus("iacbot/pre_workflow_hook", CommitState.Pending, $"echo {Secret}"), CancellationToken.None);

        Assert.Equal("echo ***", Assert.Single(_vcs.Statuses).Description);
    }

    [Fact]
    public async Task The_hosts_error_kept_with_a_waiting_comment_is_masked()
    {
        _vcs.FailNextComment(new VcsException($"GitHub answered 422: bad value {Secret}", 422, isTransient: false));

        await Notifier().CommentAsync(Pull, "hello", CancellationToken.None);

        Assert.Equal("GitHub answered 422: bad value ***", Assert.Single(_store.All).LastError);
    }

    private OutboxDispatcher Dispatcher() =>
        new(_store, _vcs, OutboxSettings.Default, _time, _redactor, NullLogger<OutboxDispatcher>.Instance);

    private PullRequestNotifier Notifier() => new(_store, Dispatcher(), _vcs, _time, _redactor);
}
