using IaCBot.Core.Projects;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Storage;

/// <summary>
/// A saved plan, waiting to be applied. It belongs to the head commit it was made from: once the PR moves on,
/// it is stale and never applied.
/// </summary>
/// <param name="Project">The project as the repo config described it when it was planned, apply requirements included.</param>
public sealed record PlanRecord(
    PullRequestRef Pull,
    Project Project,
    string HeadSha,
    string PlannedBy,
    DateTimeOffset CreatedAt,
    bool HasChanges,
    string Summary);
