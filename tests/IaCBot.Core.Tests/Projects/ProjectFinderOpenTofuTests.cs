using IaCBot.Core.Projects;
using static IaCBot.Core.Tests.Projects.ModuleCheckout;

namespace IaCBot.Core.Tests.Projects;

/// <summary>OpenTofu reads <c>*.tofu</c> and <c>*.tofu.json</c> beside (or instead of) <c>*.tf</c> files.</summary>
public sealed class ProjectFinderOpenTofuTests : IDisposable
{
    private readonly TempCheckout checkout = new TempCheckout().WithModules(
        ("envs/prod/main.tofu", Backend + Calling("../../modules/vpc")),
        ("envs/dev/main.tofu.json", """{"module": {"vpc": {"source": "../../modules/vpc"}}}"""),
        ("modules/vpc/main.tofu", "variable \"cidr\" {}\n"));

    public void Dispose() => checkout.Dispose();

    [Fact]
    public void A_directory_holding_only_a_tofu_file_is_a_project()
    {
        var projects = ProjectFinder.FindForChanges(["envs/prod/main.tofu"], null, checkout.Root, "main");

        Assert.Equal("envs/prod", Assert.Single(projects).Dir);
    }

    [Fact]
    public void A_module_written_in_tofu_files_plans_its_callers_written_in_tofu_files()
    {
        var projects = ProjectFinder.FindForChanges(["modules/vpc/main.tofu"], null, checkout.Root, "main");

        Assert.Equal(["envs/dev", "envs/prod"], projects.Select(p => p.Dir));
    }

    [Fact]
    public void A_comment_can_name_a_directory_holding_only_tofu_files()
    {
        var selection = ProjectFinder.Select(CommentCommands.Plan(dir: "envs/dev"), [], null, checkout.Root, "main");

        Assert.Equal("envs/dev", Assert.Single(Assert.IsType<ProjectSelection.Selected>(selection).Projects).Dir);
    }
}
