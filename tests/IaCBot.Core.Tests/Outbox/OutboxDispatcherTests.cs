using IaCBot.Core.Outbox;
using IaCBot.Core.Redaction;
using IaCBot.Core.Tests.Doubles;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 7);
    private readonly InMemoryOutboxStore _store = new();
    private readonly ScriptedVcsClient _vcs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly OutboxSettings _settings = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), MaxAttempts: 3);

    [Fact]
    public async Task A_comment_is_posted_with_its_marker_and_leaves_the_outbox()
    {
        var notifier = Notifier();

        await notifier.CommentAsync(Pull, "Plan: 1 to add", CancellationToken.None);

        var posted = Assert.Single(_vcs.Comments);
        Assert.StartsWith("Plan: 1 to add", posted.Body, StringComparison.Ordinal);
        Assert.Contains("<!-- iacbot:message:", posted.Body, StringComparison.Ordinal);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task A_comment_the_host_refused_with_500_stays_and_is_posted_once_when_it_recovers()
    {
        var notifier = Notifier();
        _vcs.FailNextComment(Transient(502));

        await notifier.CommentAsync(Pull, "the plan", CancellationToken.None);
        Assert.Empty(_vcs.Comments);
        Assert.Equal(1, Assert.Single(_store.All).Attempts);

        _time.Advance(TimeSpan.FromSeconds(2));
        await Dispatcher().FlushAsync(null, CancellationToken.None);

        Assert.Single(_vcs.Comments);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task A_comment_that_reached_the_host_before_the_error_is_not_posted_twice()
    {
        var notifier = Notifier();
        _vcs.FailuresStillPost = true;
        _vcs.FailNextComment(Transient(null));

        await notifier.CommentAsync(Pull, "the plan", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Dispatcher().FlushAsync(null, CancellationToken.None);

        Assert.Single(_vcs.Comments);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task A_poll_with_a_grace_leaves_a_message_never_tried_to_the_replica_that_added_it_until_it_is_old()
    {
        await _store.AddAsync(new OutboxMessage("m-1", 0, Pull, OutboxMessageKind.Comment, "the plan", null, null, _time.GetUtcNow()), CancellationToken.None);

        var waiting = await Dispatcher().FlushAsync(null, CancellationToken.None, untriedGrace: TimeSpan.FromSeconds(15));
        _time.Advance(TimeSpan.FromSeconds(16));
        var later = await Dispatcher().FlushAsync(null, CancellationToken.None, untriedGrace: TimeSpan.FromSeconds(15));

        Assert.Equal(1, waiting);
        Assert.Equal(0, later);
        Assert.StartsWith("the plan", Assert.Single(_vcs.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_tried_again_before_its_time()
    {
        var notifier = Notifier();
        _vcs.FailNextComment(Transient(500));
        await notifier.CommentAsync(Pull, "the plan", CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(1));
        var waiting = await Dispatcher().FlushAsync(null, CancellationToken.None);

        Assert.Equal(1, waiting);
        Assert.Empty(_vcs.Comments);
    }

    [Fact]
    public async Task A_later_status_never_overtakes_an_earlier_one_that_failed()
    {
        var notifier = Notifier();
        _vcs.FailNextStatus(Transient(500));

        await notifier.SetStatusAsync(Pull, "abc", new CommitStatus("iacbot/plan", CommitState.Pending, "Planning"), CancellationToken.None);
        await notifier.SetStatusAsync(Pull, "abc", new CommitStatus("iacbot/plan", CommitState.Success, "1/1"), CancellationToken.None);
        Assert.Empty(_vcs.Statuses);

        _time.Advance(TimeSpan.FromSeconds(2));
        await Dispatcher().FlushAsync(null, CancellationToken.None);

        Assert.Equal([CommitState.Pending, CommitState.Success], _vcs.Statuses.Select(s => s.State));
    }

    [Fact]
    public async Task The_hosts_Retry_After_is_honoured_when_longer_than_the_backoff()
    {
        var notifier = Notifier();
        _vcs.FailNextComment(new VcsException("rate limited", 403, isTransient: true, retryAfter: TimeSpan.FromMinutes(1)));
        await notifier.CommentAsync(Pull, "the plan", CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(30));
        await Dispatcher().FlushAsync(null, CancellationToken.None);
        Assert.Empty(_vcs.Comments);

        _time.Advance(TimeSpan.FromSeconds(31));
        await Dispatcher().FlushAsync(null, CancellationToken.None);
        Assert.Single(_vcs.Comments);
    }

    [Fact]
    public async Task A_write_the_host_keeps_refusing_as_invalid_is_kept_but_no_longer_blocks_the_next()
    {
        var notifier = Notifier();
        for (var i = 0; i < 3; i++)
        {
            _vcs.FailNextComment(new VcsException("GitHub answered 422", 422, isTransient: false));
        }

        await notifier.CommentAsync(Pull, "refused", CancellationToken.None);
        for (var i = 0; i < 2; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            await Dispatcher().FlushAsync(null, CancellationToken.None);
        }

        await notifier.CommentAsync(Pull, "next", CancellationToken.None);

        var kept = Assert.Single(_store.All);
        Assert.True(kept.GaveUp);
        Assert.StartsWith("next", Assert.Single(_vcs.Comments).Body, StringComparison.Ordinal);
    }

    private OutboxDispatcher Dispatcher() => _dispatcher ??= new OutboxDispatcher(_store, _vcs, _settings, _time, Redactor.None, NullLogger<OutboxDispatcher>.Instance);

    private OutboxDispatcher? _dispatcher;

    private PullRequestNotifier Notifier() => new(_store, Dispatcher(), _vcs, _time, Redactor.None);

    private static VcsException Transient(int? status) => new("GitHub had a problem", status, isTransient: true);
}
