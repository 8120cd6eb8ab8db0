using System.Collections;
using IaCBot.Core.Redaction;

namespace IaCBot.Server.Redaction;

/// <summary>
/// A log entry's or scope's structured arguments with secrets masked; its text is the masked message, as the
/// original state's was the formatted one.
/// </summary>
internal sealed class RedactedLogValues(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;

    public static bool Reveals(IEnumerable<KeyValuePair<string, object?>> values, Redactor redactor) =>
        values.Any(v => redactor.Reveals(Text(v.Value)));

    /// <summary>
    /// Each argument that reveals a secret becomes its masked text; the others keep their value and type. A
    /// collection is judged by its items, as the logging formatter writes them.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Mask(IEnumerable<KeyValuePair<string, object?>> values, Redactor redactor) =>
        [.. values.Select(v => redactor.Reveals(Text(v.Value)) ? new KeyValuePair<string, object?>(v.Key, redactor.Redact(Text(v.Value))) : v)];

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => i?.ToString())),
        _ => value.ToString(),
    };
}
