using Hangfire;
using Hangfire.Common;
using Hangfire.Server;

namespace IaCBot.Server.Jobs;

/// <summary>
/// The queue's workers. At start they wait for <see cref="StartupRecovery"/>, so that every unfinished run they find
/// is one a stop cut short. At a stop they drain before the web server stops: no new job is taken, running ones get
/// the grace to finish, and webhooks are still answered and queued meanwhile (the host stops services in reverse
/// order only after every service's <see cref="StoppingAsync"/>).
/// </summary>
internal sealed partial class JobWorkers(
    StartupRecovery recovery,
    JobStorage storage,
    JobActivator activator,
    IJobFilterProvider filters,
    ShutdownTimeouts timeouts,
    ILogger<JobWorkers> logger) : IHostedLifecycleService, IDisposable
{
    private const int WorkerCount = 10;

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _starting = Task.CompletedTask;
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Recovery talks to the Git host, which may be slow or down; it runs in the background, and the server answers
    /// (and queues) webhooks meanwhile. It begins once every service has started: the run history's own start-up
    /// pass marks old runs interrupted from what it read, and run at the same time it overwrote what recovery wrote
    /// on a run's record (the locks an interrupted run without a pull request held, released).
    /// </summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(() => RecoverThenWorkAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting;
        BackgroundJobServer? server;
        lock (_gate)
        {
            server = _server;
        }

        if (server is null)
        {
            return;
        }

        LogDraining(timeouts.Grace);
        server.SendStop();
        try
        {
            await server.WaitForShutdownAsync(cancellationToken);
            LogDrained();
        }
        catch (OperationCanceledException)
        {
            LogNotDrained();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _server?.Dispose();
        _stopping.Dispose();
    }

    private async Task RecoverThenWorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await recovery.RecoverAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // The store could not be read: work goes on, and the queue's redelivery still reports what was cut short.
            LogRecoveryFailed(ex);
        }

        lock (_gate)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                _server = new BackgroundJobServer(Options(), storage, []);
            }
        }
    }

    /// <summary>
    /// The job's cancellation token fires when the stop timeout has passed; the workers are abandoned when the shutdown
    /// timeout has. The activator and filters are this app's own, not Hangfire's process-wide ones.
    /// </summary>
    private BackgroundJobServerOptions Options() => new()
    {
        WorkerCount = WorkerCount,
        ServerName = $"iacbot-{Environment.MachineName}-{Environment.ProcessId}",
        StopTimeout = timeouts.Grace,
        ShutdownTimeout = timeouts.WorkersAbandonedAfter,
        Activator = activator,
        FilterProvider = filters,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no new jobs are taken; running jobs have {Grace} to finish, webhooks are still queued")]
    private partial void LogDraining(TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every running job has ended; the server stops now")]
    private partial void LogDrained();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jobs were still running when the host stopped waiting; the next start reports them")]
    private partial void LogNotDrained();

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for jobs cut short by the last stop failed; the workers start anyway")]
    private partial void LogRecoveryFailed(Exception exception);
}
