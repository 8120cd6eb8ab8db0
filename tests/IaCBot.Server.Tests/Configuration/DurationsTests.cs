using IaCBot.Server.Configuration;

namespace IaCBot.Server.Tests.Configuration;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("00:02:00", 120)]
    [InlineData(" 2m ", 120)]
    public void Atlantis_and_dotnet_forms_are_read(string text, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("forever")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("5 minutes")]
    [InlineData("5d")]
    public void Anything_else_is_not_a_duration(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}
