using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Jobs;

/// <summary>
/// With PostgreSQL, looks every <c>server:recovery_interval</c> for runs a replica that died left unfinished, and deals
/// with them as a start does (<see cref="StartupRecovery"/>): otherwise such a run waited for some replica to restart,
/// while its PR heard nothing and its job stayed leased for hours. The ledger lists only runs of owners that are gone,
/// and hands each to one replica.
/// </summary>
internal sealed partial class RecoverySweep(
    StartupRecovery recovery,
    IOptions<StorageOptions> storage,
    IOptions<ServerOptions> server,
    TimeProvider time,
    ILogger<RecoverySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!storage.Value.IsPostgres)
        {
            return;
        }

        using var timer = new PeriodicTimer(Durations.Parse(server.Value.RecoveryInterval), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await recovery.RecoverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a moment; the next tick tries again.
                LogSweepFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for runs a dead replica left unfinished failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
