using IaCBot.Core.Projects;
using IaCBot.Core.Tests.RepoConfig;

namespace IaCBot.Core.Tests.Projects;

public sealed class ProjectFinderLargeCheckoutTests(LargeModuleCheckout large) : IClassFixture<LargeModuleCheckout>
{
    [Fact]
    public void Without_a_config_a_module_change_plans_exactly_the_projects_that_reach_it()
    {
        var projects = ProjectFinder.FindForChanges(["modules/m03/main.tf"], null, large.Root, "main");

        Assert.Equal(LargeModuleCheckout.Reaching(3), projects.Select(p => p.Dir));
    }

    [Fact]
    public void With_a_glob_config_a_module_change_plans_exactly_the_projects_that_reach_it()
    {
        var config = ConfigText.Valid("version: 3\nprojects:\n- dir: envs/*\n  workspace: prod\n");

        var projects = ProjectFinder.FindForChanges(["modules/m03/variables.tf"], config, large.Root, "main");

        Assert.Equal(LargeModuleCheckout.Reaching(3), projects.Select(p => p.Dir));
        Assert.All(projects, p => Assert.Equal("prod", p.Workspace));
    }

    [Fact]
    public void A_change_to_the_module_every_project_calls_plans_every_project()
    {
        var projects = ProjectFinder.FindForChanges(["modules/shared/main.tf"], null, large.Root, "main");

        Assert.Equal(LargeModuleCheckout.ProjectCount, projects.Count);
    }
}
