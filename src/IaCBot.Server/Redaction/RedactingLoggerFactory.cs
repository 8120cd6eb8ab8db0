using System.Collections.Concurrent;
using IaCBot.Core.Redaction;

namespace IaCBot.Server.Redaction;

/// <summary>Hands out loggers that mask secrets, each around the logger the usual factory makes.</summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, Redactor redactor) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name => new RedactingLogger(inner.CreateLogger(name), redactor));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
