using IaCBot.Core.Projects;
using IaCBot.Core.Tests.RepoConfig;
using static IaCBot.Core.Tests.Projects.ModuleCheckout;

namespace IaCBot.Core.Tests.Projects;

public sealed class ProjectFinderModuleTests : IDisposable
{
    private readonly TempCheckout checkout = new TempCheckout().WithModules(
        ("envs/prod/main.tf", Calling("../../modules/vpc", "../../modules/app")),
        ("envs/staging/main.tf", Calling("../../modules/app")),
        ("envs/dev/main.tf", Calling("terraform-aws-modules/vpc/aws", "git::https://example.com/app.git")),
        ("modules/vpc/main.tf", "variable \"cidr\" {}\n"),
        ("modules/app/main.tf", Calling("../base")),
        ("modules/base/main.tf", "variable \"name\" {}\n"),
        ("modules/base/templates/user-data.sh", "#!/bin/sh\n"),
        ("modules/unused/main.tf", "variable \"x\" {}\n"));

    public void Dispose() => checkout.Dispose();

    [Fact]
    public void Without_a_config_a_module_change_plans_every_directory_calling_it_but_not_the_module()
    {
        Assert.Equal(["envs/prod"], Find(["modules/vpc/main.tf"]));
    }

    [Fact]
    public void Without_a_config_a_module_change_reaches_callers_through_other_modules()
    {
        Assert.Equal(["envs/prod", "envs/staging"], Find(["modules/base/main.tf"]));
    }

    [Fact]
    public void Without_a_config_a_changed_module_nobody_calls_plans_nothing()
    {
        Assert.Empty(Find(["modules/unused/main.tf"]));
    }

    [Fact]
    public void Without_a_config_only_terraform_files_of_a_module_count()
    {
        Assert.Empty(Find(["modules/base/templates/user-data.sh", "modules/base/README.md"]));
    }

    [Fact]
    public void A_project_changed_itself_and_through_a_module_is_planned_once()
    {
        Assert.Equal(["envs/prod", "envs/staging"], Find(["envs/prod/main.tf", "modules/app/main.tf"]));
    }

    [Fact]
    public void A_module_outside_a_modules_directory_is_planned_only_through_its_callers()
    {
        checkout.WithModules(
            ("stacks/network/main.tf", Calling("../../components/subnets")),
            ("components/subnets/main.tf", "variable \"cidr\" {}\n"));

        Assert.Equal(["stacks/network"], Find(["components/subnets/main.tf"]));
    }

    [Fact]
    public void A_called_directory_that_declares_a_backend_is_also_planned_on_its_own()
    {
        checkout.WithModules(
            ("stacks/extended/main.tf", Calling("../base")),
            ("stacks/base/main.tf", Backend));

        Assert.Equal(["stacks/base", "stacks/extended"], Find(["stacks/base/main.tf"]));
    }

    [Fact]
    public void A_directory_of_terraform_inside_a_module_is_not_part_of_it()
    {
        checkout.WithModules(("modules/vpc/examples/basic/main.tf", Calling("../..")));

        Assert.Empty(Find(["modules/vpc/examples/basic/main.tf"]));
    }

    [Fact]
    public void A_variables_file_in_a_directory_without_configuration_plans_the_project_above_it()
    {
        checkout.WithModules(("envs/prod/env/prod.tfvars", "cidr = \"10.0.0.0/16\"\n"));

        Assert.Equal(["envs/prod"], Find(["envs/prod/env/prod.tfvars"]));
    }

    [Fact]
    public void A_json_configuration_file_can_call_a_module()
    {
        checkout.WithModules(("envs/json/main.tf.json", """{"module": {"vpc": {"source": "../../modules/vpc"}}}"""));

        Assert.Equal(["envs/json", "envs/prod"], Find(["modules/vpc/main.tf"]));
    }

    [Fact]
    public void Links_to_directories_are_not_followed()
    {
        Directory.CreateSymbolicLink(Path.Combine(checkout.Root, "envs", "prod", "loop"), checkout.Root);
        Directory.CreateSymbolicLink(Path.Combine(checkout.Root, "envs", "alias"), Path.Combine(checkout.Root, "envs", "prod"));

        Assert.Equal(["envs/prod"], Find(["modules/vpc/main.tf"]));
    }

    [Fact]
    public void A_linked_configuration_file_is_read_only_when_it_ends_inside_the_checkout()
    {
        using var outside = new TempCheckout().WithModules(("main.tf", Calling("../../modules/vpc")));
        checkout.WithModules(("common/calls-vpc.tf.txt", Calling("../../modules/vpc")));
        Directory.CreateDirectory(Path.Combine(checkout.Root, "envs", "shared"));
        Directory.CreateDirectory(Path.Combine(checkout.Root, "envs", "foreign"));
        File.CreateSymbolicLink(Path.Combine(checkout.Root, "envs", "shared", "main.tf"), Path.Combine(checkout.Root, "common", "calls-vpc.tf.txt"));
        File.CreateSymbolicLink(Path.Combine(checkout.Root, "envs", "foreign", "main.tf"), Path.Combine(outside.Root, "main.tf"));

        Assert.Equal(["envs/prod", "envs/shared"], Find(["modules/vpc/main.tf"]));
    }

    [Fact]
    public void With_a_config_a_project_calling_a_changed_module_is_planned_whatever_its_patterns()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - dir: envs/prod
              autoplan:
                when_modified: ["*.tf"]
            - dir: envs/staging
              autoplan:
                when_modified: ["*.tf"]
            - dir: envs/dev
            """);

        var projects = ProjectFinder.FindForChanges(["modules/base/main.tf"], config, checkout.Root, "main");

        Assert.Equal(["envs/prod", "envs/staging"], projects.Select(p => p.Dir));
        Assert.All(projects, p => Assert.NotNull(p.Config));
    }

    [Fact]
    public void With_a_config_any_changed_file_of_a_module_counts()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: envs/staging}]");

        var projects = ProjectFinder.FindForChanges(["modules/base/templates/user-data.sh"], config, checkout.Root, "main");

        Assert.Equal("envs/staging", Assert.Single(projects).Dir);
    }

    [Fact]
    public void With_a_config_a_module_change_does_not_autoplan_a_project_with_autoplan_disabled()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: envs/prod, autoplan: {enabled: false}}]");

        Assert.Empty(ProjectFinder.FindForChanges(["modules/vpc/main.tf"], config, checkout.Root, "main"));

        var selection = ProjectFinder.Select(CommentCommands.Plan(), ["modules/vpc/main.tf"], config, checkout.Root, "main");
        Assert.Equal("envs/prod", Assert.Single(Assert.IsType<ProjectSelection.Selected>(selection).Projects).Dir);
    }

    [Fact]
    public void With_autodiscovery_callers_of_a_changed_module_are_discovered_too()
    {
        var config = ConfigText.Valid("""
            version: 3
            autodiscover:
              mode: enabled
            projects:
            - name: prod
              dir: envs/prod
              workspace: blue
            """);

        var projects = ProjectFinder.FindForChanges(["modules/app/main.tf"], config, checkout.Root, "main");

        Assert.Equal(["envs/prod (blue)", "envs/staging (default)"], projects.Select(p => p.Key.ToString()));
    }

    private IEnumerable<string> Find(IReadOnlyList<string> changed) =>
        ProjectFinder.FindForChanges(changed, null, checkout.Root, "main").Select(p => p.Dir);
}
