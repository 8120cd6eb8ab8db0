using IaCBot.Core.Commands;
using IaCBot.Core.Projects;
using IaCBot.Core.Tests.RepoConfig;

namespace IaCBot.Core.Tests.Projects;

public sealed class ProjectFinderSelectTests : IDisposable
{
    private const string Config = """
        version: 3
        projects:
        - name: app-staging
          dir: app
          workspace: staging
          autoplan:
            enabled: false
        - name: app-prod
          dir: app
          workspace: prod
          apply_requirements: [approved]
        - dir: net
        """;

    private readonly TempCheckout checkout = new TempCheckout().With("app/main.tf", "net/main.tf", "adhoc/main.tf", "docs/index.md");

    public void Dispose() => checkout.Dispose();

    [Fact]
    public void A_plain_comment_plan_includes_projects_with_autoplan_disabled()
    {
        var selection = Select(Plan(), ["app/main.tf"]);

        Assert.Equal(["app (prod)", "app (staging)"], Keys(selection));
    }

    [Fact]
    public void A_plain_comment_plan_without_config_finds_the_changed_directories()
    {
        var selection = ProjectFinder.Select(Plan(), ["adhoc/main.tf"], null, checkout.Root, "main");

        Assert.Equal(["adhoc (default)"], Keys(selection));
    }

    [Fact]
    public void Dash_p_selects_the_named_project()
    {
        var project = Assert.Single(Projects(Select(Plan(project: "app-prod"))));

        Assert.Equal(("app-prod", "prod"), (project.Name, project.Workspace));
        Assert.Equal(["approved"], project.ApplyRequirements);
    }

    [Fact]
    public void Dash_p_with_an_unknown_name_lists_the_known_names()
    {
        var error = Assert.IsType<ProjectSelection.Error>(Select(Plan(project: "app-prd")));

        Assert.Equal("There is no project named \"app-prd\". Did you mean `app-prod`? Known project names: `app-prod`, `app-staging`.", error.Message);
    }

    [Fact]
    public void Dash_p_without_a_config_explains_that_projects_have_no_names()
    {
        var error = Assert.IsType<ProjectSelection.Error>(ProjectFinder.Select(Plan(project: "app"), [], null, checkout.Root, "main"));

        Assert.Equal(
            "There is no project named \"app\": projects get names in iacbot.yaml or atlantis.yaml, and this repository has neither. Use `iacbot plan -d <dir>` instead.",
            error.Message);
    }

    [Fact]
    public void Dash_p_when_no_project_has_a_name_says_so()
    {
        var config = ConfigText.Valid("version: 3\nprojects: [{dir: app}]");

        var error = Assert.IsType<ProjectSelection.Error>(ProjectFinder.Select(Plan(project: "app"), [], config, checkout.Root, "main"));

        Assert.Contains("no project in the config has a name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dash_d_selects_every_configured_workspace_of_the_directory()
    {
        Assert.Equal(["app (prod)", "app (staging)"], Keys(Select(Plan(dir: "app"))));
    }

    [Fact]
    public void Dash_d_with_dash_w_selects_that_workspace()
    {
        Assert.Equal(["app (staging)"], Keys(Select(Plan(dir: "app", workspace: "staging"))));
    }

    [Fact]
    public void Dash_w_for_a_workspace_the_directory_is_not_configured_for_is_refused()
    {
        var error = Assert.IsType<ProjectSelection.Error>(Select(Plan(dir: "app", workspace: "qa")));

        Assert.Equal(
            "The directory \"app\" is configured only for the workspaces `prod`, `staging`, not \"qa\"; check the `-w` value.",
            error.Message);
    }

    [Fact]
    public void Dash_d_on_an_unconfigured_directory_with_terraform_is_an_ad_hoc_project()
    {
        var project = Assert.Single(Projects(Select(Plan(dir: "adhoc"))));

        Assert.Equal(("adhoc", "default", null), (project.Dir, project.Workspace, project.Name));
        Assert.Empty(project.ApplyRequirements);
    }

    [Fact]
    public void Dash_d_with_dash_w_on_an_unconfigured_directory_uses_that_workspace()
    {
        Assert.Equal(["adhoc (blue)"], Keys(Select(Plan(dir: "adhoc", workspace: "blue"))));
    }

    [Fact]
    public void Dash_w_alone_means_the_root_directory()
    {
        checkout.With("main.tf");

        Assert.Equal([". (blue)"], Keys(Select(Plan(workspace: "blue"))));
    }

    [Fact]
    public void Dash_d_on_a_missing_directory_names_it()
    {
        var error = Assert.IsType<ProjectSelection.Error>(Select(Plan(dir: "nowhere")));

        Assert.Equal("The directory \"nowhere\" does not exist in this pull request.", error.Message);
    }

    [Fact]
    public void Dash_d_on_a_directory_without_terraform_names_it()
    {
        var error = Assert.IsType<ProjectSelection.Error>(Select(Plan(dir: "docs")));

        Assert.Equal("The directory \"docs\" holds no terraform files (*.tf or *.tf.json), so there is nothing to run there.", error.Message);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    public void Dash_d_outside_the_repository_is_refused(string dir)
    {
        var error = Assert.IsType<ProjectSelection.Error>(Select(Plan(dir: dir)));

        Assert.Contains("must be inside the repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_prefix_the_user_typed_is_used_in_replies()
    {
        var command = Plan(project: "x") with { CommandName = "atlantis" };

        var error = Assert.IsType<ProjectSelection.Error>(ProjectFinder.Select(command, [], null, checkout.Root, "main"));

        Assert.Contains("`atlantis plan -d <dir>`", error.Message, StringComparison.Ordinal);
    }

    private ProjectSelection Select(CommentCommand command, IReadOnlyList<string>? changed = null) =>
        ProjectFinder.Select(command, changed ?? [], ConfigText.Valid(Config), checkout.Root, "main");

    private static CommentCommand Plan(string? dir = null, string? workspace = null, string? project = null) =>
        new("iacbot", CommandKind.Plan, dir, workspace, project, Verbose: false, ExtraArgs: []);

    private static IReadOnlyList<Project> Projects(ProjectSelection selection) =>
        Assert.IsType<ProjectSelection.Selected>(selection).Projects;

    private static IEnumerable<string> Keys(ProjectSelection selection) => Projects(selection).Select(p => p.Key.ToString());
}
