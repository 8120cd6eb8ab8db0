namespace IaCBot.Core.RunHistory;

/// <summary>Told of each step and run as it ends, for metrics, which Core knows nothing of.</summary>
public interface IRunObserver
{
    void StepEnded(string stepName, bool succeeded, TimeSpan duration);

    void RunEnded(RunRecord run);
}
