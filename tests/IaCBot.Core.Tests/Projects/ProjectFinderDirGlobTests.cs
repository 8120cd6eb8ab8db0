using IaCBot.Core.Projects;
using IaCBot.Core.Tests.RepoConfig;

namespace IaCBot.Core.Tests.Projects;

public sealed class ProjectFinderDirGlobTests : IDisposable
{
    private readonly TempCheckout checkout = new TempCheckout().With(
        "envs/dev/main.tf", "envs/prod/main.tf", "envs/docs/README.md", "envs/shared.tfvars",
        "stacks/main.tf", "stacks/net/main.tf", "stacks/net/vpc/main.tf", "stacks/app/readme.md");

    public void Dispose() => checkout.Dispose();

    [Fact]
    public void A_glob_dir_stands_for_each_matching_directory_holding_terraform_with_the_same_settings()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - name: envs
              dir: envs/*
              workspace: blue
              terraform_version: 1.6.2
              apply_requirements: [approved]
            """);

        var projects = ProjectFinder.FindForChanges(["envs/dev/main.tf", "envs/prod/main.tf", "envs/docs/README.md"], config, checkout.Root, "main");

        Assert.Equal(["envs/dev (blue)", "envs/prod (blue)"], projects.Select(p => p.Key.ToString()));
        Assert.All(projects, p => Assert.Equal(("1.6.2", "approved"), (p.TerraformVersion, Assert.Single(p.ApplyRequirements))));
        Assert.All(projects, p => Assert.Null(p.Name));
        Assert.All(projects, p => Assert.Equal(p.Dir, p.Config!.Dir));
    }

    [Fact]
    public void A_double_star_glob_includes_the_directory_itself_and_every_level_below()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: stacks/**}]");

        var projects = ProjectFinder.FindForChanges(["stacks/main.tf", "stacks/net/main.tf", "stacks/net/vpc/main.tf"], config, checkout.Root, "main");

        Assert.Equal(["stacks", "stacks/net", "stacks/net/vpc"], projects.Select(p => p.Dir));
    }

    [Fact]
    public void Each_expanded_project_matches_its_own_changes_only()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: envs/*}]");

        Assert.Equal("envs/prod", Assert.Single(ProjectFinder.FindForChanges(["envs/prod/main.tf"], config, checkout.Root, "main")).Dir);
    }

    [Fact]
    public void A_directory_an_entry_lists_by_name_keeps_that_entry_rather_than_the_glob()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - dir: envs/*
              apply_requirements: [approved]
            - name: prod
              dir: envs/prod
            """);

        var projects = ProjectFinder.FindForChanges(["envs/dev/main.tf", "envs/prod/main.tf"], config, checkout.Root, "main");

        Assert.Equal([("envs/dev", null, 1), ("envs/prod", "prod", 0)], projects.Select(p => (p.Dir, p.Name, p.ApplyRequirements.Count)));
    }

    [Fact]
    public void Dash_d_targets_a_directory_a_glob_stands_for()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: envs/*, workspace: blue}]");

        var selection = ProjectFinder.Select(CommentCommands.Plan(dir: "envs/dev"), [], config, checkout.Root, "main");

        var project = Assert.Single(Assert.IsType<ProjectSelection.Selected>(selection).Projects);
        Assert.Equal(("envs/dev (blue)", "envs/dev"), (project.Key.ToString(), project.Config?.Dir));
    }

    [Fact]
    public void Dash_p_with_the_name_of_a_glob_entry_explains_that_its_projects_have_no_name()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{name: envs, dir: envs/*}]");

        var selection = ProjectFinder.Select(CommentCommands.Plan(project: "envs"), [], config, checkout.Root, "main");

        Assert.Equal(
            "The project \"envs\" has the glob dir `envs/*`, so the projects it stands for have no name (as in Atlantis). Use `-d <dir>` to pick one.",
            Assert.IsType<ProjectSelection.Error>(selection).Message);
    }

    [Fact]
    public void A_glob_matching_nothing_configures_nothing_and_leaves_discovery_alone()
    {
        var config = ConfigText.Valid("version: 3\nautodiscover: {mode: enabled}\nprojects: [{dir: nothing/*}]");

        Assert.Equal("envs/dev", Assert.Single(ProjectFinder.FindForChanges(["envs/dev/main.tf"], config, checkout.Root, "main")).Dir);
    }
}
