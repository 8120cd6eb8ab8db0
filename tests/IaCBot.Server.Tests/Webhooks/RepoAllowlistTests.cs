using IaCBot.Core.Vcs;
using IaCBot.Server.Webhooks;

namespace IaCBot.Server.Tests.Webhooks;

public sealed class RepoAllowlistTests
{
    [Theory]
    [InlineData("github.com/acme/*", "github.com", "acme", "infra", true)]
    [InlineData("github.com/acme/*", "github.com", "ACME", "Infra", true)]
    [InlineData("github.com/acme/*", "github.com", "acme-evil", "infra", false)]
    [InlineData("github.com/acme/infra", "github.com", "acme", "infra-2", false)]
    [InlineData("github.com/acme/*", "ghe.example.com", "acme", "infra", false)]
    [InlineData("*", "ghe.example.com", "anyone", "anything", true)]
    [InlineData("github.com/*/infra", "github.com", "acme", "infra", true)]
    public void Globs_match_host_owner_and_name(string pattern, string host, string owner, string name, bool allowed)
    {
        Assert.Equal(allowed, new RepoAllowlist([pattern]).Allows(new RepoId(host, owner, name)));
    }

    [Fact]
    public void Regex_characters_in_a_pattern_are_plain_characters()
    {
        Assert.False(new RepoAllowlist(["github.com/acme/in.ra"]).Allows(new RepoId("github.com", "acme", "infra")));
    }
}
