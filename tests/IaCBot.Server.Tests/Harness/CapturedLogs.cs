using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// Keeps every log entry the server wrote, at whatever levels its settings enable, with all a provider could write
/// of it: the formatted message, each structured argument, the exception's message and details, and the scopes.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add<TState>(string category, LogLevel level, TState state, Exception? exception, string message)
    {
        var entry = new StringBuilder($"{level} {category}: {message}");
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                entry.Append($"\n  {key}={Text(value)}");
            }
        }

        if (exception is not null)
        {
            entry.Append($"\n  exception: {exception.Message}\n{exception}");
        }

        _scopes.ForEachScope((scope, text) =>
        {
            text.Append($"\n  scope: {scope}");
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    text.Append($" {key}={Text(value)}");
                }
            }
        }, entry);
        _entries.Enqueue(entry.ToString());
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IEnumerable items => string.Join(", ", items.Cast<object?>()),
        _ => value.ToString(),
    };

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add(category, logLevel, state, exception, formatter(state, exception));
    }
}
