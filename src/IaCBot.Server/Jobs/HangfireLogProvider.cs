using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Hangfire's logging into the app's loggers. Hangfire keeps its log provider in a process-wide static; when the
/// app that set it has stopped (several apps run in one test process), its logger factory is disposed, and this
/// provider then stays quiet instead of failing the caller.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new ForwardingLog(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new ForwardingLog(null);
        }
    }

    private sealed class ForwardingLog(ILogger? logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => LogLevel.Trace,
                HangfireLogLevel.Debug => LogLevel.Debug,
                HangfireLogLevel.Info => LogLevel.Information,
                HangfireLogLevel.Warn => LogLevel.Warning,
                HangfireLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                if (logger is null || !logger.IsEnabled(level))
                {
                    return false;
                }

                if (messageFunc is not null)
                {
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates.
                    logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
