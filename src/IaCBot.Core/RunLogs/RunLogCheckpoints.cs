using Microsoft.Extensions.Logging;

namespace IaCBot.Core.RunLogs;

/// <summary>
/// While a run goes on, stores its logs every <see cref="Interval"/> (those that grew since), so that when the replica
/// running it dies, the replica that reports the run interrupted can show its output up to then and not only say
/// which disk had it. One per job (a scoped service, like <see cref="RunLog"/>); stopped before the run's logs are
/// kept for good, which replaces these copies.
/// </summary>
public sealed partial class RunLogCheckpoints(
    RunLog runLog,
    RunLogArchive archive,
    RunLogSettings settings,
    TimeProvider time,
    ILogger<RunLogCheckpoints> logger) : IDisposable
{
    /// <summary>Often enough that little of a long plan is lost with its replica; rarely enough to cost nothing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, long> _keptLengths = new(StringComparer.Ordinal);
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;

    public void Start(string runId)
    {
        if (_stop is not null)
        {
            throw new InvalidOperationException("The run's log checkpoints are already started.");
        }

        _stop = new CancellationTokenSource();
        _loop = LoopAsync(runId, _stop.Token);
    }

    /// <summary>Stops the checkpoints and waits for one being stored, so that nothing overwrites the final copy.</summary>
    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next tick or storing a copy: the final copy follows.
        }

        _stop.Dispose();
        _stop = null;
    }

    /// <summary>A job that never reached its end (the scope ends with it) stops storing copies of its logs.</summary>
    public void Dispose()
    {
        _stop?.Cancel();
        _stop?.Dispose();
        _stop = null;
    }

    private async Task LoopAsync(string runId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var relative in runLog.Files)
            {
                try
                {
                    await KeepIfGrownAsync(runId, relative, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The store may be down for a moment: the run goes on, and the next tick tries again.
                    LogNotKept(ex, relative);
                }
            }
        }
    }

    private async Task KeepIfGrownAsync(string runId, string relative, CancellationToken cancellationToken)
    {
        var file = new FileInfo(settings.PathOf(relative));
        if (!file.Exists || _keptLengths.GetValueOrDefault(relative, -1) == file.Length)
        {
            return;
        }

        var length = file.Length;
        await archive.KeepSoFarAsync(runId, relative, cancellationToken);
        _keptLengths[relative] = length;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the log {Path} of a run still going; trying again shortly")]
    private partial void LogNotKept(Exception exception, string path);
}
