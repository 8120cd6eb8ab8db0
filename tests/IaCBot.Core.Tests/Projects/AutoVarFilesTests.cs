using IaCBot.Core.Projects;

namespace IaCBot.Core.Tests.Projects;

public sealed class AutoVarFilesTests
{
    [Fact]
    public void The_variables_file_of_the_workspace_is_passed_when_it_exists()
    {
        using var checkout = new TempCheckout().With("app/main.tf", "app/env/staging.tfvars", "app/env/prod.tfvars");

        var args = ProjectFinder.AutoVarFiles(checkout.Root, Project("app", "staging"));

        Assert.Equal(["-var-file", "env/staging.tfvars"], args);
    }

    [Fact]
    public void A_project_at_the_root_finds_its_variables_file_too()
    {
        using var checkout = new TempCheckout().With("main.tf", "env/default.tfvars");

        Assert.Equal(["-var-file", "env/default.tfvars"], ProjectFinder.AutoVarFiles(checkout.Root, Project(".", "default")));
    }

    [Fact]
    public void Nothing_is_passed_without_a_variables_file_for_the_workspace()
    {
        using var checkout = new TempCheckout().With("app/main.tf", "app/env/prod.tfvars", "app/staging.tfvars");

        Assert.Empty(ProjectFinder.AutoVarFiles(checkout.Root, Project("app", "staging")));
    }

    [Fact]
    public void A_workspace_that_would_climb_out_of_env_is_never_looked_up()
    {
        using var checkout = new TempCheckout().With("app/main.tf", "app/secret.tfvars");

        Assert.Empty(ProjectFinder.AutoVarFiles(checkout.Root, Project("app", "../secret")));
    }

    private static Project Project(string dir, string workspace) => new(new ProjectKey(dir, workspace), null, []);
}
