using System.Globalization;
using System.Text.RegularExpressions;

namespace IaCBot.Server.Configuration;

/// <summary>Reads sizes such as <c>1MB</c>, <c>512KB</c> or <c>1048576</c> (KB = 1024). Text is counted in characters.</summary>
internal static partial class Sizes
{
    private const long Min = 1024;
    private const long Max = 1024 * 1024 * 1024;

    public static bool TryParse(string? text, out int size)
    {
        size = 0;
        var match = Size().Match(text?.Trim() ?? "");
        if (!match.Success || !double.TryParse(match.Groups["amount"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var factor = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "K" or "KB" => 1024L,
            "M" or "MB" => 1024L * 1024,
            "G" or "GB" => 1024L * 1024 * 1024,
            _ => 1L,
        };
        var bytes = amount * factor;
        if (bytes < Min || bytes > Max)
        {
            return false;
        }

        size = (int)bytes;
        return true;
    }

    public static int Parse(string text) =>
        TryParse(text, out var size) ? size : throw new FormatException($"'{text}' is not a size.");

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<unit>[KMG]B?|B)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
