using Hangfire;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Health;

/// <summary>Whether the server can take work: its store answers and its job queue answers.</summary>
internal sealed class ReadinessCheck(ILockStore locks, JobStorage jobs)
{
    /// <returns>Null when ready, else why not.</returns>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await locks.ListAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"The store (data_dir/iacbot.db) cannot be read: {ex.GetType().Name}.";
        }

        try
        {
            using var connection = jobs.GetConnection();
            connection.GetAllItemsFromSet("iacbot-readiness");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"The job queue (data_dir/jobs.db) cannot be read: {ex.GetType().Name}.";
        }

        return null;
    }
}
