using IaCBot.Core.RunHistory;
using IaCBot.Server.Runs;

namespace IaCBot.Server.Api;

/// <summary>
/// A run as <c>GET /api/runs/{id}</c> shows it, each project's output read from its log file, or from the copy the
/// replica that ran it stored when it ended. <c>Replica</c> names the replica that runs it (or ran it).
/// </summary>
/// <param name="Pull">The pull request's number; null for a run without one (the API's plan or apply of a ref).</param>
internal sealed record RunView(
    string Id,
    string Repository,
    int? Pull,
    string Kind,
    string Command,
    string By,
    string? Commit,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Outcome,
    IReadOnlyList<ProjectView> Projects,
    string? Reply,
    string? Replica)
{
    public static async Task<RunView> OfAsync(RunRecord run, RunLogFiles logs, CancellationToken cancellationToken)
    {
        var projects = new List<ProjectView>();
        foreach (var project in run.Projects)
        {
            projects.Add(new ProjectView(
                project.Dir, project.Workspace, project.Name, project.LogPath,
                project.Steps.Select(s => new StepView(s.Name, s.Status.ToString().ToLowerInvariant(), s.Duration?.TotalSeconds)).ToList(),
                await logs.ReadEndAsync(project.LogPath, cancellationToken)));
        }

        return new RunView(
            run.Id, run.Pull.Repo.ToString(), Core.Runs.RefTarget.IsRefRun(run.Pull) ? null : run.Pull.Number, run.Kind.ToString().ToLowerInvariant(), run.Command, run.By, run.HeadSha,
            run.StartedAt, run.FinishedAt, run.Outcome.ToString().ToLowerInvariant(), projects, run.Reply, ReplicaName.Of(run.Owner));
    }
}
