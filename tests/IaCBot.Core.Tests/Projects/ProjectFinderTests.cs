using IaCBot.Core.Projects;
using IaCBot.Core.Tests.RepoConfig;

namespace IaCBot.Core.Tests.Projects;

public sealed class ProjectFinderTests
{
    [Fact]
    public void Without_a_config_each_changed_directory_holding_terraform_is_a_project()
    {
        using var checkout = new TempCheckout().With("main.tf", "app/main.tf", "app/prod.tfvars", "net/net.tf.json", "docs/readme.md");

        var projects = ProjectFinder.FindForChanges(
            ["app/prod.tfvars", "net/net.tf.json", "main.tf", "docs/readme.md", "app/main.tf"], null, checkout.Root, "main");

        Assert.Equal([".", "app", "net"], projects.Select(p => p.Dir));
        Assert.All(projects, p => Assert.Equal(("default", null), (p.Workspace, p.Name)));
        Assert.All(projects, p => Assert.Empty(p.ApplyRequirements));
        Assert.All(projects, p => Assert.Null(p.Config));
    }

    [Fact]
    public void Without_a_config_a_changed_variables_file_plans_its_directory()
    {
        using var checkout = new TempCheckout().With("app/main.tf", "app/env.tfvars.json");

        var projects = ProjectFinder.FindForChanges(["app/env.tfvars.json"], null, checkout.Root, "main");

        Assert.Equal("app", Assert.Single(projects).Dir);
    }

    [Fact]
    public void Without_a_config_a_directory_the_pull_request_deleted_is_not_planned()
    {
        using var checkout = new TempCheckout().With("kept/main.tf");

        var projects = ProjectFinder.FindForChanges(["gone/main.tf", "kept/old.tf"], null, checkout.Root, "main");

        Assert.Equal("kept", Assert.Single(projects).Dir);
    }

    [Fact]
    public void Without_a_config_a_directory_with_only_variables_files_is_not_a_project()
    {
        using var checkout = new TempCheckout().With("vars/common.tfvars");

        Assert.Empty(ProjectFinder.FindForChanges(["vars/common.tfvars"], null, checkout.Root, "main"));
    }

    [Fact]
    public void Changed_paths_in_windows_or_dotted_form_are_normalised()
    {
        using var checkout = new TempCheckout().With("app/main.tf");

        var projects = ProjectFinder.FindForChanges([@"app\main.tf", "./app/main.tf"], null, checkout.Root, "main");

        Assert.Equal("app", Assert.Single(projects).Dir);
    }

    [Fact]
    public void A_changed_path_that_climbs_out_of_the_repository_is_ignored()
    {
        using var outside = new TempCheckout().With("main.tf");
        using var checkout = new TempCheckout();

        var escape = Path.GetRelativePath(checkout.Root, Path.Combine(outside.Root, "main.tf")).Replace('\\', '/');

        Assert.Empty(ProjectFinder.FindForChanges([escape, "app/../" + escape], null, checkout.Root, "main"));
    }

    [Fact]
    public void With_the_modules_fixture_a_module_change_plans_both_environments()
    {
        using var checkout = new TempCheckout().With("staging/main.tf", "production/main.tf", "modules/null/main.tf");
        var config = ConfigText.Valid(ConfigText.Fixture("modules-yaml.atlantis.yaml"));

        var projects = ProjectFinder.FindForChanges(["modules/null/main.tf"], config, checkout.Root, "main");

        Assert.Equal(["production", "staging"], projects.Select(p => p.Dir));
        Assert.All(projects, p => Assert.Same(config.Projects.Single(c => c.Dir == p.Dir), p.Config));
    }

    [Fact]
    public void With_a_config_only_projects_whose_patterns_match_are_planned()
    {
        using var checkout = new TempCheckout().With("staging/main.tf", "production/main.tf");
        var config = ConfigText.Valid(ConfigText.Fixture("modules-yaml.atlantis.yaml"));

        var projects = ProjectFinder.FindForChanges(["staging/main.tf", "README.md"], config, checkout.Root, "main");

        Assert.Equal("staging", Assert.Single(projects).Dir);
    }

    [Fact]
    public void With_a_config_a_project_with_autoplan_disabled_is_not_planned_automatically()
    {
        using var checkout = new TempCheckout().With("main.tf");
        var config = ConfigText.Valid(ConfigText.Fixture("tfvars-yaml-no-autoplan.atlantis.yaml"));

        Assert.Empty(ProjectFinder.FindForChanges(["main.tf"], config, checkout.Root, "main"));
    }

    [Fact]
    public void With_a_config_a_project_whose_directory_was_deleted_is_not_planned()
    {
        using var checkout = new TempCheckout().With("dir1/main.tf");
        var config = ConfigText.Valid(ConfigText.Fixture("automerge.atlantis.yaml"));

        var projects = ProjectFinder.FindForChanges(["dir1/main.tf", "dir2/main.tf"], config, checkout.Root, "main");

        Assert.Equal("dir1", Assert.Single(projects).Dir);
    }

    [Fact]
    public void Configured_projects_carry_their_name_requirements_and_settings()
    {
        using var checkout = new TempCheckout().With("app/main.tf");
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - name: app
              dir: app
              terraform_version: 1.6.2
              apply_requirements: [approved, mergeable]
            """);

        var project = Assert.Single(ProjectFinder.FindForChanges(["app/main.tf"], config, checkout.Root, "main"));

        Assert.Equal(("app", "1.6.2"), (project.Name, project.TerraformVersion));
        Assert.Equal(["approved", "mergeable"], project.ApplyRequirements);
    }

    [Fact]
    public void Projects_are_ordered_by_directory_then_workspace()
    {
        using var checkout = new TempCheckout().With("b/main.tf", "a/main.tf");
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - dir: b
            - dir: a
              workspace: staging
            - dir: a
              workspace: prod
            """);

        var projects = ProjectFinder.FindForChanges(["a/main.tf", "b/main.tf"], config, checkout.Root, "main");

        Assert.Equal(["a (prod)", "a (staging)", "b (default)"], projects.Select(p => p.Key.ToString()));
    }

    [Fact]
    public void A_config_without_projects_still_discovers_them()
    {
        using var checkout = new TempCheckout().With("app/main.tf");
        var config = ConfigText.Valid("version: 3\nautomerge: true");

        Assert.Equal("app", Assert.Single(ProjectFinder.FindForChanges(["app/main.tf"], config, checkout.Root, "main")).Dir);
    }

    [Fact]
    public void Autodiscovery_enabled_adds_unconfigured_directories_except_ignored_ones()
    {
        using var checkout = new TempCheckout().With("configured/main.tf", "other/main.tf", "legacy/old/main.tf");
        var config = ConfigText.Valid("""
            version: 3
            autodiscover:
              mode: enabled
              ignore_paths: [legacy/**]
            projects:
            - name: configured
              dir: configured
              workspace: prod
            """);

        var projects = ProjectFinder.FindForChanges(["configured/main.tf", "other/main.tf", "legacy/old/main.tf"], config, checkout.Root, "main");

        Assert.Equal(["configured (prod)", "other (default)"], projects.Select(p => p.Key.ToString()));
        Assert.Equal("configured", projects[0].Name);
    }

    [Fact]
    public void Autodiscovery_disabled_finds_nothing_without_configured_projects()
    {
        using var checkout = new TempCheckout().With("app/main.tf");
        var config = ConfigText.Valid("version: 3\nautodiscover:\n  mode: disabled");

        Assert.Empty(ProjectFinder.FindForChanges(["app/main.tf"], config, checkout.Root, "main"));
    }

    [Fact]
    public void In_auto_mode_configured_projects_turn_discovery_off()
    {
        using var checkout = new TempCheckout().With("app/main.tf", "other/main.tf");
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: app}]");

        var projects = ProjectFinder.FindForChanges(["app/main.tf", "other/main.tf"], config, checkout.Root, "main");

        Assert.Equal("app", Assert.Single(projects).Dir);
    }
}
