using System.Globalization;
using System.Text.RegularExpressions;

namespace IaCBot.Server.Configuration;

/// <summary>How long to keep something: whole days (<c>30d</c>), as people count retention, or any duration (<c>720h</c>).</summary>
internal static partial class RetentionPeriod
{
    public static bool TryParse(string? text, out TimeSpan period)
    {
        var days = Days().Match(text?.Trim() ?? "");
        if (days.Success && int.TryParse(days.Groups["days"].Value, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            period = TimeSpan.FromDays(count);
            return true;
        }

        return Durations.TryParse(text, out period);
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a retention period.");

    [GeneratedRegex(@"^(?<days>\d{1,5})d$")]
    private static partial Regex Days();
}
