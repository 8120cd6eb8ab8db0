using System.Collections;
using IaCBot.Core.Redaction;

namespace IaCBot.Server.Redaction;

/// <summary>
/// Masks secrets in a log entry before any provider sees it: the formatted message, each structured argument (which a
/// JSON or OpenTelemetry provider writes apart from the message), the exception's message and details, and scopes.
/// An entry that holds no secret passes through untouched, its arguments keeping their types.
/// </summary>
internal sealed class RedactingLogger(ILogger inner, Redactor redactor) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var values = state switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => pairs,
            IDictionary dictionary => dictionary.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(e.Key.ToString() ?? "", e.Value)),
            _ => null,
        };
        if (values is not null && RedactedLogValues.Reveals(values, redactor))
        {
            return inner.BeginScope(new RedactedLogValues(RedactedLogValues.Mask(values, redactor), redactor.Redact(state.ToString() ?? "")));
        }

        return redactor.Reveals(state.ToString()) ? inner.BeginScope(redactor.Redact(state.ToString()!)) : inner.BeginScope(state);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var values = state as IEnumerable<KeyValuePair<string, object?>>;
        var masked = redactor.Redact(exception);
        if (!redactor.Reveals(message) && ReferenceEquals(masked, exception) && (values is null || !RedactedLogValues.Reveals(values, redactor)))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var entry = new RedactedLogValues(values is null ? [] : RedactedLogValues.Mask(values, redactor), redactor.Redact(message));
        inner.Log(logLevel, eventId, entry, masked, static (e, _) => e.ToString());
    }
}
