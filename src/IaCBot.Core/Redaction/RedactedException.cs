namespace IaCBot.Core.Redaction;

/// <summary>
/// Stands in for an exception whose text held a secret: the same message and details (type, stack trace, inner
/// exceptions), masked. Made by <see cref="Redactor.Redact(Exception)"/>.
/// </summary>
public sealed class RedactedException(string originalType, string message, string details) : Exception(message)
{
    /// <summary>The full name of the type of the exception this stands in for.</summary>
    public string OriginalType { get; } = originalType;

    public override string ToString() => details;
}
