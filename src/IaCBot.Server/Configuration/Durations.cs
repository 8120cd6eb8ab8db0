using System.Globalization;
using System.Text.RegularExpressions;

namespace IaCBot.Server.Configuration;

/// <summary>
/// Reads durations as Atlantis users write them (<c>90s</c>, <c>30m</c>, <c>1h30m</c>) as well as .NET's
/// <c>01:30:00</c>.
/// </summary>
internal static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            return duration > TimeSpan.Zero;
        }

        var match = GoDuration().Match(text);
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var amount = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }

        return duration > TimeSpan.Zero;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration.");

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex GoDuration();
}
