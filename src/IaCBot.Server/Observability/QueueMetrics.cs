using Hangfire;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Observability;

/// <summary>Reads the gauges that are state, not events (the queue, the locks), when Prometheus scrapes.</summary>
internal sealed class QueueMetrics(IaCBotMetrics metrics, JobStorage jobs, ILockStore locks)
{
    public async Task UpdateAsync(CancellationToken cancellationToken)
    {
        var monitoring = jobs.GetMonitoringApi();
        metrics.QueueLength.Set(monitoring.Queues().Sum(q => q.Length));
        metrics.RunningJobs.Set(monitoring.ProcessingCount());
        metrics.LocksHeld.Set((await locks.ListAsync(cancellationToken)).Count);
    }
}
