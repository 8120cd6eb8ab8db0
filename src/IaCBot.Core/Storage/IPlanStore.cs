using IaCBot.Core.Vcs;

namespace IaCBot.Core.Storage;

/// <summary>
/// Saved plans and their plan files. The plan file lives in the store, not only in the working directory,
/// so a lost or re-created clone can still apply exactly what was reviewed.
/// </summary>
public interface IPlanStore
{
    /// <summary>
    /// Saves a plan, replacing the PR's earlier plan of the same project (its dir, workspace and name). The plan file
    /// is streamed from <paramref name="planFile"/>: it holds the state terraform read, which for a large
    /// infrastructure runs to hundreds of megabytes, so it is never held in memory whole.
    /// </summary>
    Task SaveAsync(PlanRecord plan, Stream planFile, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlanRecord>> ListAsync(PullRequestRef pull, CancellationToken cancellationToken);

    /// <summary>Streams the plan's file into <paramref name="destination"/>; false (nothing written) when none is stored.</summary>
    Task<bool> ReadPlanFileAsync(PlanRecord plan, Stream destination, CancellationToken cancellationToken);

    Task DeleteAsync(PlanRecord plan, CancellationToken cancellationToken);

    /// <summary>Deletes every plan of the PR and returns how many there were.</summary>
    Task<int> DeleteAllAsync(PullRequestRef pull, CancellationToken cancellationToken);
}
