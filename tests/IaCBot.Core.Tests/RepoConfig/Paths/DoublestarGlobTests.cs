using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Tests.RepoConfig.Paths;

public sealed class DoublestarGlobTests
{
    [Theory]
    [InlineData("legacy/*", "legacy/app", true)]
    [InlineData("legacy/*", "legacy/app/sub", false)]
    [InlineData("legacy/**", "legacy/app/sub", true)]
    [InlineData("legacy/**", "legacy", true)]
    [InlineData("**/scratch", "a/b/scratch", true)]
    [InlineData("**/scratch", "scratch", true)]
    [InlineData("a/**/z", "a/z", true)]
    [InlineData("a/**/z", "a/b/c/z", true)]
    [InlineData("{dev,test}/*", "test/app", true)]
    [InlineData("{dev,test}/*", "prod/app", false)]
    [InlineData("env-[!p]*", "env-dev", true)]
    [InlineData("env-[!p]*", "env-prod", false)]
    public void Ignore_paths_match_like_doublestar(string pattern, string path, bool expected)
    {
        Assert.True(DoublestarGlob.TryParse(pattern, out var glob, out _));

        Assert.Equal(expected, glob!.IsMatch(path));
    }

    [Theory]
    [InlineData("{a,b", "never closed by `}`")]
    [InlineData("[ab", "never closed by `]`")]
    public void A_broken_pattern_says_what_is_wrong(string pattern, string expected)
    {
        Assert.False(DoublestarGlob.TryParse(pattern, out _, out var problem));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Brace_alternatives_are_bounded()
    {
        var pattern = string.Concat(Enumerable.Repeat("{a,b}", 20));

        Assert.False(DoublestarGlob.TryParse(pattern, out _, out var problem));
        Assert.Contains("more than 64", problem, StringComparison.Ordinal);
    }
}
