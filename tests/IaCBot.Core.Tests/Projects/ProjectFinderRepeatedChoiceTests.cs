using IaCBot.Core.Projects;
using IaCBot.Core.Tests.RepoConfig;
using static IaCBot.Core.Tests.Projects.ModuleCheckout;

namespace IaCBot.Core.Tests.Projects;

/// <summary>
/// A checkout is updated in place when a pull request gets new commits, so two choices on the same directory must each
/// see the files as they are then, whatever the first one read.
/// </summary>
public sealed class ProjectFinderRepeatedChoiceTests : IDisposable
{
    private readonly TempCheckout checkout = new TempCheckout().WithModules(
        ("envs/prod/main.tf", Calling("../../modules/vpc")),
        ("modules/vpc/main.tf", "variable \"cidr\" {}\n"));

    public void Dispose() => checkout.Dispose();

    [Fact]
    public void A_caller_added_between_two_choices_is_chosen_by_the_second()
    {
        var first = ProjectFinder.FindForChanges(["modules/vpc/main.tf"], null, checkout.Root, "main");
        checkout.Write("envs/staging/main.tf", Calling("../../modules/vpc"));

        var second = ProjectFinder.FindForChanges(["modules/vpc/main.tf"], null, checkout.Root, "main");

        Assert.Equal(["envs/prod"], first.Select(p => p.Dir));
        Assert.Equal(["envs/prod", "envs/staging"], second.Select(p => p.Dir));
    }

    [Fact]
    public void A_call_removed_between_two_choices_is_no_longer_followed()
    {
        ProjectFinder.FindForChanges(["modules/vpc/main.tf"], null, checkout.Root, "main");
        checkout.Write("envs/prod/main.tf", "variable \"x\" {}\n");

        Assert.Empty(ProjectFinder.FindForChanges(["modules/vpc/main.tf"], null, checkout.Root, "main"));
    }

    [Fact]
    public void A_directory_added_between_two_choices_joins_a_glob_project()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: envs/*}]");
        ProjectFinder.FindForChanges(["modules/vpc/main.tf"], config, checkout.Root, "main");
        checkout.Write("envs/dev/main.tf", Calling("../../modules/vpc"));

        var projects = ProjectFinder.FindForChanges(["modules/vpc/main.tf"], config, checkout.Root, "main");

        Assert.Equal(["envs/dev", "envs/prod"], projects.Select(p => p.Dir));
    }
}
