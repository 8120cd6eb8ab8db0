using IaCBot.Core.Commands;
using IaCBot.Core.Events;
using IaCBot.Core.Recovery;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Jobs;

/// <summary>Describes a job as it starts, for the job ledger: which pull request, what kind of work, what was asked.</summary>
internal sealed class JobRuns(CommentParser parser, ServerInstance instance, TimeProvider time)
{
    public JobRun For(string jobId, PullRequestEvent e) => new(
        jobId,
        e.Pull.Ref,
        JobKinds.For(e.Action),
        $"pull_request {e.Action.ToString().ToLowerInvariant()}",
        e.Pull.HeadSha,
        instance.Id,
        time.GetUtcNow(),
        new QueuedWork(e, null).ToJson());

    /// <summary>The command is the comment's first line, where a command must be; the payload keeps the whole comment.</summary>
    public JobRun For(string jobId, CommentEvent e) => new(
        jobId,
        e.Pull,
        JobKinds.For(parser.Parse(e.Body)),
        e.Body.Trim().Split('\n')[0].Trim(),
        null,
        instance.Id,
        time.GetUtcNow(),
        new QueuedWork(null, e).ToJson());
}
