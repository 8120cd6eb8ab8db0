using IaCBot.Core.Outbox;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// <c>automerge</c>: once every plan of a PR has been applied, merge it, so the default branch says what is
/// deployed; with <c>delete_source_branch_on_merge</c> its branch goes too. A merge the host refuses is explained
/// on the PR; the applies stand either way.
/// </summary>
/// <seealso href="https://www.runatlantis.io/docs/automerging"/>
public sealed partial class Automerge(IVcsClient vcs, IPlanStore plans, PullRequestNotifier notifier, ILogger<Automerge> logger)
{
    public async Task MergeIfDoneAsync(PullRequestInfo pull, bool deleteSourceBranch, CancellationToken cancellationToken)
    {
        if ((await plans.ListAsync(pull.Ref, cancellationToken)).Count > 0)
        {
            return;
        }

        try
        {
            await vcs.MergeAsync(pull.Ref, cancellationToken);
            var deleted = deleteSourceBranch && pull.HeadRepo is null;
            if (deleted)
            {
                await vcs.DeleteBranchAsync(pull.Ref.Repo, pull.HeadBranch, cancellationToken);
            }

            var branch = deleted ? $" and its branch `{pull.HeadBranch}` deleted" : "";
            await notifier.CommentAsync(pull.Ref, $"Every plan of this pull request is applied, so it was merged automatically (`automerge`){branch}.", cancellationToken);
        }
        catch (VcsException ex)
        {
            LogMergeRefused(pull.Ref, ex.Message);
            await notifier.CommentAsync(pull.Ref, $"Every plan is applied, but the automatic merge was refused: {ex.Message}", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automerge of {Pull} refused: {Reason}")]
    private partial void LogMergeRefused(PullRequestRef pull, string reason);
}
