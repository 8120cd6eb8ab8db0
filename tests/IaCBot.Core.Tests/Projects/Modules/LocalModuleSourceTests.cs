using IaCBot.Core.Projects.Modules;

namespace IaCBot.Core.Tests.Projects.Modules;

public sealed class LocalModuleSourceTests
{
    [Theory]
    [InlineData("envs/prod", "../../modules/vpc", "modules/vpc")]
    [InlineData("envs/prod", "./nested/", "envs/prod/nested")]
    [InlineData(".", "./modules/x", "modules/x")]
    [InlineData("a/b", "../c/../d", "a/d")]
    public void A_relative_source_names_a_directory_of_the_repository(string caller, string source, string expected)
    {
        Assert.True(LocalModuleSource.TryResolve(caller, source, out var dir));
        Assert.Equal(expected, dir);
    }

    [Theory]
    [InlineData("terraform-aws-modules/vpc/aws")]
    [InlineData("git::https://example.com/vpc.git?ref=v1.2.0")]
    [InlineData("github.com/hashicorp/example")]
    [InlineData("https://example.com/vpc-module.zip")]
    [InlineData("s3::https://s3.amazonaws.com/bucket/vpc.zip")]
    [InlineData("modules/vpc")]
    public void A_remote_source_is_ignored(string source)
    {
        Assert.False(LocalModuleSource.TryResolve("envs/prod", source, out _));
    }

    [Theory]
    [InlineData("envs/prod", "../../../outside")]
    [InlineData(".", "../sibling-repo")]
    [InlineData("envs/prod", "./")]
    public void A_source_outside_the_repository_or_naming_the_caller_is_ignored(string caller, string source)
    {
        Assert.False(LocalModuleSource.TryResolve(caller, source, out _));
    }
}
