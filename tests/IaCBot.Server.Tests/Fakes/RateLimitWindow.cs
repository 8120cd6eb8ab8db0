using System.Globalization;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// The <c>X-RateLimit-*</c> headers GitHub puts on every answer: 5000 requests an hour, counted down as the fake is
/// called, so clients that read them see what they would see on GitHub.
/// </summary>
/// <seealso href="https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api"/>
internal sealed class RateLimitWindow
{
    public const int Limit = 5000;

    private readonly DateTimeOffset _reset = TimeProvider.System.GetUtcNow().AddHours(1);

    public string ResetEpochSeconds => _reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public IReadOnlyDictionary<string, string> Headers(int used) => new Dictionary<string, string>
    {
        ["X-RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Remaining"] = Math.Max(0, Limit - used).ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Used"] = Math.Min(Limit, used).ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset"] = ResetEpochSeconds,
        ["X-RateLimit-Resource"] = "core",
    };

    /// <summary>The headers of an exhausted window that reopens a minute from now.</summary>
    public static IReadOnlyDictionary<string, string> Exhausted() => new Dictionary<string, string>
    {
        ["X-RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Remaining"] = "0",
        ["X-RateLimit-Used"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset"] = TimeProvider.System.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Resource"] = "core",
    };
}
