using IaCBot.Core.Outbox;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Delivers comments and statuses the Git host refused earlier, and anything left waiting by a restart.
/// </summary>
internal sealed partial class OutboxFlushService(
    OutboxDispatcher dispatcher,
    IOptions<OutboxOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<OutboxFlushService> logger) : BackgroundService
{
    private static readonly TimeSpan SharedStoreGrace = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Durations.Parse(options.Value.PollInterval), time);
        do
        {
            try
            {
                // With a shared store, a message another replica just added is that replica's to deliver first.
                await dispatcher.FlushAsync(null, stoppingToken, storage.Value.IsPostgres ? SharedStoreGrace : null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFlushFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering the outbox failed; trying again at the next tick")]
    private partial void LogFlushFailed(Exception exception);
}
