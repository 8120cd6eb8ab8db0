using System.Text;
using IaCBot.Core.Projects;
using IaCBot.Core.RunLogs;

namespace IaCBot.Core.RunHistory;

/// <summary>
/// Keeps the record of the job's run (one per job's DI scope) as it goes: each project's steps as they start and end,
/// the replies posted, and how it ended. Each change is saved at once, so a run page shows a run in progress.
/// Nothing is recorded before <see cref="Begin"/>, which keeps code outside a job (and unit tests) free of records.
/// </summary>
public sealed class RunRecorder(IRunHistory history, IEnumerable<IRunObserver> observers, TimeProvider time) : IDisposable
{
    // The notifier that posts replies is shared by every job; the run it posts for is the one whose code calls it.
    private static readonly AsyncLocal<RunRecorder?> CurrentRun = new();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<ProjectSteps> _projects = [];
    private readonly StringBuilder _reply = new();
    private RunRecord? _run;

    /// <summary>The recorder of the run the calling code belongs to, or null outside a run.</summary>
    public static RunRecorder? Current => CurrentRun.Value;

    /// <summary>Starts the record. Not async on purpose: <see cref="Current"/> then stays set for the rest of the caller.</summary>
    public void Begin(RunRecord run)
    {
        _run = run with { Outcome = RunOutcome.Running, Projects = [], Reply = null, FinishedAt = null };
        CurrentRun.Value = this;
    }

    public Task SaveAsync(CancellationToken cancellationToken) => SaveAsync(null, cancellationToken);

    /// <summary>The commit, once the run has read the PR.</summary>
    public Task CommitAsync(string headSha, CancellationToken cancellationToken) =>
        SaveAsync(run => run with { HeadSha = run.HeadSha ?? headSha }, cancellationToken);

    /// <summary>A project the run works on; null outside a run.</summary>
    public ProjectSteps? Project(Project project, LogFile? log)
    {
        if (_run is null)
        {
            return null;
        }

        var steps = new ProjectSteps(this, new ProjectRun(project.Dir, project.Workspace, project.Name, log?.RelativePath, []), time);
        lock (_projects)
        {
            _projects.Add(steps);
        }

        return steps;
    }

    public Task RepliedAsync(string markdown, CancellationToken cancellationToken)
    {
        lock (_reply)
        {
            _reply.Append(_reply.Length == 0 ? "" : "\n\n---\n\n").Append(markdown);
        }

        return SaveAsync(cancellationToken);
    }

    /// <summary>Ends the record. Steps still marked running were cut short by the fault or stop that ended the run.</summary>
    public async Task FinishAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        if (_run is null)
        {
            return;
        }

        var failed = false;
        lock (_projects)
        {
            failed = _projects.Any(p => p.Failed);
        }

        var final = outcome == RunOutcome.Succeeded && failed ? RunOutcome.Failed : outcome;
        var ended = await SaveAsync(run => run with { Outcome = final, FinishedAt = time.GetUtcNow() }, cancellationToken, endRunning: true);
        foreach (var observer in observers)
        {
            observer.RunEnded(ended!);
        }
    }

    internal void StepEnded(string step, bool succeeded, TimeSpan duration)
    {
        foreach (var observer in observers)
        {
            observer.StepEnded(step, succeeded, duration);
        }
    }

    private async Task<RunRecord?> SaveAsync(Func<RunRecord, RunRecord>? change, CancellationToken cancellationToken, bool endRunning = false)
    {
        if (_run is null)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _run = change?.Invoke(_run) ?? _run;
            var snapshot = _run with { Projects = Snapshot(endRunning), Reply = ReplySoFar() };
            await history.SaveAsync(snapshot, cancellationToken);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<ProjectRun> Snapshot(bool endRunning)
    {
        lock (_projects)
        {
            return _projects.Select(p => p.Snapshot(endRunning)).ToList();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? ReplySoFar()
    {
        lock (_reply)
        {
            return _reply.Length == 0 ? null : _reply.ToString();
        }
    }
}
