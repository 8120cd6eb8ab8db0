using IaCBot.Server.Configuration;

namespace IaCBot.Server.Tests.Configuration;

public sealed class RetentionPeriodTests
{
    [Theory]
    [InlineData("30d", 30 * 24)]
    [InlineData("720h", 720)]
    [InlineData("1h30m", 1.5)]
    public void Days_and_durations_are_read(string text, double hours)
    {
        Assert.True(RetentionPeriod.TryParse(text, out var period));
        Assert.Equal(TimeSpan.FromHours(hours), period);
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("forever")]
    [InlineData("30 days")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(RetentionPeriod.TryParse(text, out _));
    }
}
