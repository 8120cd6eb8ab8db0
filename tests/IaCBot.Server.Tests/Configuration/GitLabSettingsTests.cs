using IaCBot.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Tests.Configuration;

public sealed class GitLabSettingsTests
{
    [Theory]
    [InlineData("https://gitlab.com")]
    [InlineData("https://git.example.com:8443/gitlab/")]
    [InlineData("http://gitlab.internal")]
    public void An_instance_address_is_accepted(string url)
    {
        Assert.True(new SettingsValidator().Validate(null, new GitLabOptions { Url = url }).Succeeded);
    }

    [Theory]
    [InlineData("gitlab.com")]
    [InlineData("ftp://gitlab.com")]
    [InlineData("https://gitlab.com/?x=1")]
    [InlineData("")]
    public void A_bad_instance_address_stops_the_server_naming_the_key(string url)
    {
        var result = new SettingsValidator().Validate(null, new GitLabOptions { Url = url });

        Assert.True(result.Failed);
        Assert.Contains("gitlab:url", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_github_token_is_not_needed_on_a_server_for_gitlab_only()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["gitlab:token"] = "glpat-x" }).Build();

        Assert.True(new SettingsValidator(configuration).Validate(null, new GitHubOptions()).Succeeded);
        Assert.Contains("github:token", new SettingsValidator().Validate(null, new GitHubOptions()).FailureMessage, StringComparison.Ordinal);
    }
}
