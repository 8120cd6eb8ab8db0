using System.Text;
using IaCBot.Core.Comments;
using IaCBot.Core.Locking;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Recovery;

/// <summary>
/// Deals with a run without a pull request (<see cref="RefRunner"/>) that a crash cut short. It is never run again:
/// the caller who queued it decides. An apply holds each project's lock while it runs and releases it as it ends;
/// cut short, it never ends, and with no pull request to unlock from, its locks would block every pull request of
/// those projects until an admin deleted them. So the locks that run took, and only those, are released; the run's
/// record says which, since there is no pull request to tell.
/// </summary>
public sealed partial class InterruptedRefRunHandler(ILockStore locks, ILogger<InterruptedRefRunHandler> logger)
{
    /// <summary>Releases the locks <paramref name="run"/> held and returns them.</summary>
    public async Task<IReadOnlyList<ProjectLock>> ReleaseLocksAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var released = new List<ProjectLock>();
        foreach (var held in (await locks.ListAsync(cancellationToken)).Where(l => RefRunner.HeldByRun(l, run.Pull.Repo, run.JobId)))
        {
            if (await locks.ReleaseAsync(held.Key, cancellationToken) is not { } gone)
            {
                continue;
            }

            // Deleted by an admin and taken by someone else between the listing and the release: given back.
            if (!RefRunner.HeldByRun(gone, run.Pull.Repo, run.JobId))
            {
                await locks.TryAcquireAsync(gone, CancellationToken.None);
                continue;
            }

            LogReleased(run.JobId, held.Key.Repo, held.Key.Dir, held.Key.Workspace);
            released.Add(gone);
        }

        return released;
    }

    /// <summary>What the run's record (the run page, the audit and the API) says about the interruption.</summary>
    public static string Note(JobRun run, IReadOnlyList<ProjectLock> released)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(released);
        var text = new StringBuilder(":warning: **IaCBot was stopped during this run, which was not run again.**\n\n");
        if (run.Kind == JobKind.Apply)
        {
            text.Append("An apply that is cut short may have changed some resources and not others: plan the ref again "
                + "and check the plan before applying it.\n\n");
        }

        if (released.Count == 0)
        {
            text.Append("The run held no locks.\n");
            return text.ToString();
        }

        text.Append("Locks it held, released by the recovery:\n");
        foreach (var held in released)
        {
            text.Append($"* {ProjectLabel.Describe(held)}\n");
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released the lock interrupted run {JobId} held on {Repo} dir {Dir} workspace {Workspace}")]
    private partial void LogReleased(string jobId, Vcs.RepoId repo, string dir, string workspace);
}
