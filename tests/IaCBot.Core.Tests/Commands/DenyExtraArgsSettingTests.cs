using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

public sealed class DenyExtraArgsSettingTests
{
    [Fact]
    public void Flags_may_be_listed_or_given_as_one_comma_separated_value()
    {
        Assert.True(DenyExtraArgsSetting.TryParse(["-lock, --state-out", "backup"], out var flags, out _));

        Assert.Equal(["-lock", "--state-out", "backup"], flags);
    }

    [Theory]
    [InlineData("-lock=false")]
    [InlineData("-")]
    [InlineData("-var file")]
    public void A_value_that_is_no_flag_is_named(string value)
    {
        Assert.False(DenyExtraArgsSetting.TryParse([value], out _, out var error));

        Assert.Contains(value, error, StringComparison.Ordinal);
    }
}
