using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.GitHub;

namespace IaCBot.Infrastructure.Tests.GitHub;

public sealed class GitHubMappingTests
{
    [Theory]
    [InlineData("write", "maintain", RepoRole.Maintain)]
    [InlineData("read", "triage", RepoRole.Triage)]
    [InlineData("admin", "admin", RepoRole.Admin)]
    [InlineData("write", "deployer", RepoRole.Write)]
    [InlineData("read", "auditor", RepoRole.Read)]
    [InlineData("none", null, RepoRole.None)]
    [InlineData("something-new", null, RepoRole.None)]
    [InlineData(null, null, RepoRole.None)]
    public void The_role_name_wins_and_a_custom_role_counts_as_its_base_permission(string? permission, string? roleName, RepoRole role)
    {
        Assert.Equal(role, GitHubMapping.ToRepoRole(permission, roleName));
    }
}
