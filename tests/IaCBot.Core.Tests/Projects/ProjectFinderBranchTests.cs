using IaCBot.Core.Projects;
using IaCBot.Core.Tests.RepoConfig;

namespace IaCBot.Core.Tests.Projects;

public sealed class ProjectFinderBranchTests : IDisposable
{
    private const string Config = """
        version: 3
        autodiscover:
          mode: enabled
        projects:
        - name: prod
          dir: app
          workspace: prod
          branch: /^main$/
        - name: staging
          dir: app
          workspace: staging
          branch: /^(main|develop)$/
        - dir: net
          branch: /^release-.*/
        - dir: shared
        """;

    private readonly TempCheckout checkout = new TempCheckout().With("app/main.tf", "net/main.tf", "shared/main.tf");

    public void Dispose() => checkout.Dispose();

    private static string[] AllChanged => ["app/main.tf", "net/main.tf", "shared/main.tf"];

    [Theory]
    [InlineData("main", new[] { "app (prod)", "app (staging)", "shared (default)" })]
    [InlineData("develop", new[] { "app (staging)", "shared (default)" })]
    [InlineData("release-2.1", new[] { "net (default)", "shared (default)" })]
    [InlineData("", new[] { "app (prod)", "app (staging)", "net (default)", "shared (default)" })]
    public void Only_projects_whose_branch_regex_matches_the_base_branch_are_planned(string baseBranch, string[] expected)
    {
        var projects = ProjectFinder.FindForChanges(AllChanged, ConfigText.Valid(Config), checkout.Root, baseBranch);

        Assert.Equal(expected, projects.Select(p => p.Key.ToString()));
    }

    [Fact]
    public void A_plain_comment_plan_leaves_out_projects_for_other_branches()
    {
        var selection = ProjectFinder.Select(CommentCommands.Plan(), AllChanged, ConfigText.Valid(Config), checkout.Root, "develop");

        Assert.Equal(["app (staging)", "shared (default)"], Keys(selection));
    }

    [Fact]
    public void Dash_p_naming_a_project_for_other_branches_says_which_branches_it_applies_to()
    {
        var selection = ProjectFinder.Select(CommentCommands.Plan(project: "prod"), [], ConfigText.Valid(Config), checkout.Root, "develop");

        Assert.Equal(
            "The project \"prod\" only applies to pull requests into branches matching /^main$/, and this pull request goes into \"develop\".",
            Assert.IsType<ProjectSelection.Error>(selection).Message);
    }

    [Fact]
    public void Dash_d_selects_only_the_projects_of_the_directory_for_this_branch()
    {
        var selection = ProjectFinder.Select(CommentCommands.Plan(dir: "app"), [], ConfigText.Valid(Config), checkout.Root, "develop");

        Assert.Equal(["app (staging)"], Keys(selection));
    }

    [Fact]
    public void Dash_d_naming_a_directory_configured_only_for_other_branches_says_so()
    {
        var selection = ProjectFinder.Select(CommentCommands.Plan(dir: "app"), [], ConfigText.Valid(Config), checkout.Root, "feature-x");

        Assert.Equal(
            "The projects in \"app\" only apply to pull requests into branches matching /^main$/ or /^(main|develop)$/, and this pull request goes into \"feature-x\".",
            Assert.IsType<ProjectSelection.Error>(selection).Message);
    }

    [Fact]
    public void Dash_d_naming_an_unnamed_project_for_other_branches_says_so()
    {
        var selection = ProjectFinder.Select(CommentCommands.Plan(dir: "net"), [], ConfigText.Valid(Config), checkout.Root, "main");

        Assert.Equal(
            "The project in \"net\" (workspace default) only applies to pull requests into branches matching /^release-.*/, and this pull request goes into \"main\".",
            Assert.IsType<ProjectSelection.Error>(selection).Message);
    }

    private static IEnumerable<string> Keys(ProjectSelection selection) =>
        Assert.IsType<ProjectSelection.Selected>(selection).Projects.Select(p => p.Key.ToString());
}
