using IaCBot.Core.RunHistory;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Runs;

/// <summary>
/// At start, marks the runs an earlier process left running as interrupted: one process owns the store (LiteDB locks
/// its file), so a run still marked running from before this start belongs to a process that is gone. The PR is told
/// by <see cref="Jobs.StartupRecovery"/>; this only keeps the run pages and the audit true. With PostgreSQL another
/// replica may be running them, so there <see cref="Jobs.InterruptedJobs"/> marks each run it deals with instead.
/// </summary>
internal sealed class RunHistoryRecovery(IRunHistory history, IOptions<StorageOptions> storage, TimeProvider time) : IHostedService
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.IsPostgres)
        {
            return;
        }

        foreach (var run in await history.ListAsync(new RunQuery(RunningOnly: true, Limit: 10_000), cancellationToken))
        {
            if (run.StartedAt < _started)
            {
                await history.SaveAsync(run with { Outcome = RunOutcome.Interrupted }, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
