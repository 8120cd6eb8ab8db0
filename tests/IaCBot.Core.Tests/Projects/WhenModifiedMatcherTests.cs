using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.Tests.Projects;

public sealed class WhenModifiedMatcherTests
{
    [Theory]
    [InlineData("app/main.tf", true)]
    [InlineData("app/nested/deeper/module.tf", true)]
    [InlineData("app/prod.tfvars", true)]
    [InlineData("app/main.tf.json", true)]
    [InlineData("app/terragrunt.hcl", true)]
    [InlineData("app/.terraform.lock.hcl", true)]
    [InlineData("app/README.md", false)]
    [InlineData("application/main.tf", false)]
    [InlineData("main.tf", false)]
    public void The_default_patterns_cover_terraform_files_anywhere_under_the_project(string file, bool expected)
    {
        Assert.Equal(expected, Matcher("app").Matches(file));
    }

    [Theory]
    [InlineData("main.tf", true)]
    [InlineData("any/where/vars.tfvars", true)]
    [InlineData("docs/index.md", false)]
    public void The_default_patterns_of_the_root_project_cover_the_whole_repository(string file, bool expected)
    {
        Assert.Equal(expected, Matcher(".").Matches(file));
    }

    [Theory]
    [InlineData("stacks/modules/vpc/main.tf", true)]
    [InlineData("stacks/modules/vpc/sub/outputs.tf", true)]
    [InlineData("stacks/modules/vpc/README.md", false)]
    [InlineData("modules/vpc/main.tf", false)]
    [InlineData("stacks/app/main.tf", true)]
    [InlineData("stacks/app/sub/main.tf", false)]
    public void Patterns_climb_out_of_the_project_with_dot_dot(string file, bool expected)
    {
        Assert.Equal(expected, Matcher("stacks/app", "*.tf", "../modules/**/*.tf").Matches(file));
    }

    [Theory]
    [InlineData("app/main.tf", true)]
    [InlineData("app/legacy/old.tf", false)]
    [InlineData("app/legacy/keep.tf", true)]
    public void Exclusions_apply_in_order_and_a_later_pattern_can_include_again(string file, bool expected)
    {
        Assert.Equal(expected, Matcher("app", "**/*.tf", "!legacy/**", "legacy/keep.tf").Matches(file));
    }

    [Fact]
    public void A_pattern_naming_a_directory_matches_every_file_below_it()
    {
        Assert.True(Matcher("app", "config").Matches("app/config/settings/values.json"));
    }

    [Fact]
    public void An_empty_pattern_list_matches_nothing()
    {
        Assert.False(Matcher("app", []).Matches("app/main.tf"));
    }

    [Theory]
    [InlineData(new[] { "stacks/modules/vpc/main.tf" }, true)]
    [InlineData(new[] { "docs/a.md", "stacks/app/main.tf" }, true)]
    [InlineData(new[] { "stacks/app/legacy/x.tf" }, false)]
    [InlineData(new[] { "stacks/application/main.tf", "modules/vpc/main.tf" }, false)]
    [InlineData(new string[0], false)]
    public void A_project_matches_the_changed_files_when_one_of_them_matches_its_patterns(string[] changed, bool expected)
    {
        var project = new ProjectConfig { Dir = "stacks/app", Autoplan = new AutoplanConfig(true, ["**/*.tf", "!legacy", "../modules/**/*.tf"]) };

        Assert.Equal(expected, WhenModifiedMatcher.MatchesAny(project, new ChangedFiles(changed)));
    }

    private static WhenModifiedMatcher Matcher(string dir) => WhenModifiedMatcher.For(new ProjectConfig { Dir = dir });

    private static WhenModifiedMatcher Matcher(string dir, params string[] patterns) =>
        WhenModifiedMatcher.For(new ProjectConfig { Dir = dir, Autoplan = new AutoplanConfig(true, patterns) });
}
