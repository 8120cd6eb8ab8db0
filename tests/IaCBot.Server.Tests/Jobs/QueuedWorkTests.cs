using System.Text.Json;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;
using IaCBot.Server.Jobs;

namespace IaCBot.Server.Tests.Jobs;

public sealed class QueuedWorkTests
{
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 7);

    [Fact]
    public void A_pull_request_event_kept_in_the_ledger_is_queued_again_as_it_was()
    {
        var info = new PullRequestInfo(Pull, "alice", "6dcb09b5", "change", "main", "https://github.com/fork/infra.git",
            IsDraft: false, PullRequestState.Open, Mergeable: null, MergeableState: null, "https://github.com/acme/infra/pull/7")
        {
            HeadRepo = new RepoId("github.com", "fork", "infra"),
            BaseCloneUrl = "https://github.com/acme/infra.git",
        };
        var work = new QueuedWork(new PullRequestEvent(PullRequestAction.Synchronized, info, "alice"), null);

        var again = QueuedWork.FromJson(work.ToJson());

        Assert.Equal(work.PullRequest, again.PullRequest);
        Assert.Null(again.Comment);
    }

    [Fact]
    public void A_comment_kept_in_the_ledger_is_queued_again_whole()
    {
        var work = new QueuedWork(null, new CommentEvent(Pull, "bob", "iacbot plan -d app\n\nthanks"));

        Assert.Equal(work, QueuedWork.FromJson(work.ToJson()));
    }

    [Fact]
    public void A_payload_that_holds_no_work_is_refused()
    {
        Assert.Throws<JsonException>(() => QueuedWork.FromJson("{}"));
    }
}
