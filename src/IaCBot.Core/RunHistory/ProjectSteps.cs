namespace IaCBot.Core.RunHistory;

/// <summary>One project's steps in a run, as the workflow runner starts and ends them.</summary>
public sealed class ProjectSteps
{
    private readonly RunRecorder _recorder;
    private readonly ProjectRun _project;
    private readonly TimeProvider _time;
    private readonly List<(StepRun Step, long Started)> _steps = [];

    internal ProjectSteps(RunRecorder recorder, ProjectRun project, TimeProvider time)
    {
        _recorder = recorder;
        _project = project;
        _time = time;
    }

    internal bool Failed
    {
        get
        {
            lock (_steps)
            {
                return _steps.Any(s => s.Step.Status == StepStatus.Failed);
            }
        }
    }

    /// <returns>The step's index, to end it with.</returns>
    public async Task<int> StartedAsync(string name, CancellationToken cancellationToken)
    {
        int index;
        lock (_steps)
        {
            _steps.Add((new StepRun(name, StepStatus.Running, null), _time.GetTimestamp()));
            index = _steps.Count - 1;
        }

        await _recorder.SaveAsync(cancellationToken);
        return index;
    }

    public async Task EndedAsync(int index, bool succeeded, CancellationToken cancellationToken)
    {
        StepRun ended;
        lock (_steps)
        {
            var (step, started) = _steps[index];
            ended = step with { Status = succeeded ? StepStatus.Succeeded : StepStatus.Failed, Duration = _time.GetElapsedTime(started) };
            _steps[index] = (ended, started);
        }

        _recorder.StepEnded(ended.Name, succeeded, ended.Duration!.Value);
        await _recorder.SaveAsync(cancellationToken);
    }

    internal ProjectRun Snapshot(bool endRunning)
    {
        lock (_steps)
        {
            return _project with
            {
                Steps = _steps.Select(s => endRunning && s.Step.Status == StepStatus.Running
                    ? s.Step with { Status = StepStatus.Failed, Duration = _time.GetElapsedTime(s.Started) }
                    : s.Step).ToList(),
            };
        }
    }
}
