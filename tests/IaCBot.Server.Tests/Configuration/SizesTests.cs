using IaCBot.Server.Configuration;

namespace IaCBot.Server.Tests.Configuration;

public sealed class SizesTests
{
    [Theory]
    [InlineData("1MB", 1024 * 1024)]
    [InlineData("512KB", 512 * 1024)]
    [InlineData("512k", 512 * 1024)]
    [InlineData("1.5 MB", 1536 * 1024)]
    [InlineData("1GB", 1024 * 1024 * 1024)]
    [InlineData("65536", 65536)]
    public void Sizes_are_read_in_binary_units(string text, int size)
    {
        Assert.True(Sizes.TryParse(text, out var read));
        Assert.Equal(size, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("2GB")]
    [InlineData("-1MB")]
    public void Sizes_that_are_not_sizes_or_out_of_range_are_refused(string text)
    {
        Assert.False(Sizes.TryParse(text, out _));
    }
}
