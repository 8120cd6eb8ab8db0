using System.Globalization;

namespace IaCBot.Core.Logging;

/// <summary>
/// The values a log scope adds to every line logged inside it (delivery, job, pull request, project). JSON and
/// OpenTelemetry providers write them as fields; the text console writes the scope's text, which reads
/// "Job: 12, Pull: acme/infra#4" where a plain dictionary gave its type name.
/// </summary>
public sealed class LogScope : Dictionary<string, object?>
{
    public LogScope()
        : base(StringComparer.Ordinal)
    {
    }

    public override string ToString() =>
        string.Join(", ", this.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}: {pair.Value}")));
}
