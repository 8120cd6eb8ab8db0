using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Tests.RepoConfig.Paths;

public sealed class DockerIgnoreGlobTests
{
    [Theory]
    [InlineData("*.tf", "main.tf", true)]
    [InlineData("*.tf", "a/main.tf", false)]
    [InlineData("**/*.tf", "main.tf", true)]
    [InlineData("**/*.tf", "a/b/main.tf", true)]
    [InlineData("app/**/*.tf*", "app/vars.tfvars", true)]
    [InlineData("app/**/*.tf*", "app/x/y/main.tf.json", true)]
    [InlineData("app/**/*.tf*", "other/main.tf", false)]
    [InlineData("app/**", "app/x/y", true)]
    [InlineData("modules/null/*", "modules/null/main.tf", true)]
    [InlineData("modules/null/*", "modules/null/sub/main.tf", false)]
    [InlineData("main.t?", "main.tf", true)]
    [InlineData("main.t?", "main.t/", false)]
    [InlineData("env/[ps]*.tfvars", "env/prod.tfvars", true)]
    [InlineData("env/[^ps]*.tfvars", "env/prod.tfvars", false)]
    [InlineData("env/[a-c]*.tfvars", "env/beta.tfvars", true)]
    [InlineData(@"weird\*name.tf", "weird*name.tf", true)]
    [InlineData(@"weird\*name.tf", "weirdXname.tf", false)]
    [InlineData("a.(b).tf", "a.(b).tf", true)]
    public void Patterns_match_like_moby_patternmatcher(string pattern, string path, bool expected)
    {
        Assert.True(DockerIgnoreGlob.TryParse(pattern, out var glob, out _));

        Assert.Equal(expected, glob!.IsMatch(path));
    }

    [Fact]
    public void The_literal_prefix_is_the_text_before_the_first_wildcard()
    {
        Assert.True(DockerIgnoreGlob.TryParse("stacks/app/**/*.tf", out var glob, out _));

        Assert.Equal("stacks/app/", glob!.LiteralPrefix);
    }

    [Fact]
    public void Matching_a_long_path_against_many_stars_takes_linear_steps()
    {
        Assert.True(DockerIgnoreGlob.TryParse(string.Concat(Enumerable.Repeat("*a", 30)) + "b", out var glob, out _));

        Assert.False(glob!.IsMatch(new string('a', 5000)));
    }
}
