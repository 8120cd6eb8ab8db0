using IaCBot.Core.RunHistory;

namespace IaCBot.Server.Observability;

/// <summary>Counts runs by kind and outcome and times their steps, as the run recorder tells it.</summary>
internal sealed class RunMetrics(IaCBotMetrics metrics) : IRunObserver
{
    public void StepEnded(string stepName, bool succeeded, TimeSpan duration) =>
        metrics.StepDurations.WithLabels(stepName, succeeded ? "succeeded" : "failed").Observe(duration.TotalSeconds);

    public void RunEnded(RunRecord run)
    {
        var kind = run.Kind.ToString().ToLowerInvariant();
        metrics.Commands.WithLabels(kind, run.Outcome.ToString().ToLowerInvariant()).Inc();
        if (run.Duration is { } duration)
        {
            metrics.RunDurations.WithLabels(kind).Observe(duration.TotalSeconds);
        }
    }
}
