using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.Tests.RepoConfig;

public sealed class RepoConfigValidationTests
{
    [Fact]
    public void An_unknown_key_is_reported_with_the_nearest_known_key()
    {
        var error = ConfigText.Error("""
            version: 3
            paralel_plan: true
            """);

        Assert.Equal(new ConfigError("atlantis.yaml", 2, 1, "`paralel_plan` is not a known key at the top level. Did you mean `parallel_plan`?"), error);
    }

    [Fact]
    public void An_unknown_key_without_a_close_match_lists_the_known_keys()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: a
              colour: blue
            """);

        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.StartsWith("`colour` is not a known key for a project. Known keys: `name`, `dir`, `workspace`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_put_at_the_wrong_level_says_where_it_belongs()
    {
        var errors = ConfigText.Errors("""
            version: 3
            dir: app
            projects:
            - dir: app
              when_modified: ["*.tf"]
            """);

        Assert.Equal(
            [
                "atlantis.yaml:2:1: `dir` is not a known key at the top level: it belongs to a project, in a `- dir: ...` item under `projects:`.",
                "atlantis.yaml:5:3: `when_modified` is not a known key for a project: it belongs under the project's `autoplan:`.",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_quoted_back()
    {
        var error = ConfigText.Error("""
            version: 3
            parallel_plan: yes please
            """);

        Assert.Equal(new ConfigError("atlantis.yaml", 2, 16, "`parallel_plan` must be true or false, not \"yes please\"."), error);
    }

    [Fact]
    public void A_quoted_boolean_is_refused_with_a_hint_to_remove_the_quotes()
    {
        var error = ConfigText.Error("""
            version: 3
            automerge: "true"
            """);

        Assert.Equal("`automerge` must be true or false, not \"true\" (remove the quotes).", error.Message);
    }

    [Fact]
    public void A_list_where_text_is_expected_is_refused()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: [a, b]
            """);

        Assert.Equal((3, 8), (error.Line, error.Column));
        Assert.Equal("`dir` must be text, not a list.", error.Message);
    }

    [Fact]
    public void A_missing_version_is_reported_at_the_top_of_the_file()
    {
        var error = ConfigText.Error("""
            projects:
            - dir: a
            """);

        Assert.Equal(new ConfigError("atlantis.yaml", 1, 1, "`version` is missing; add `version: 3` at the top of the file."), error);
    }

    [Fact]
    public void An_unsupported_version_is_reported_at_its_value()
    {
        var error = ConfigText.Error("version: 4");

        Assert.Equal(new ConfigError("atlantis.yaml", 1, 10, "`version: 4` is not supported; use `version: 3`."), error);
    }

    [Fact]
    public void A_quoted_version_is_not_a_number()
    {
        var error = ConfigText.Error("version: \"3\"");

        Assert.Equal("`version` must be a whole number, not \"3\".", error.Message);
    }

    [Fact]
    public void A_project_without_dir_is_reported_where_the_project_starts()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - name: app
              workspace: prod
            """);

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.StartsWith("This project has no `dir`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_project_name_points_at_the_second_one_and_names_the_first_line()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - name: app
              dir: a
            - name: app
              dir: b
            """);

        Assert.Equal(new ConfigError("atlantis.yaml", 5, 9, "Another project is already named \"app\" (line 3); project names must be unique."), error);
    }

    [Fact]
    public void Two_unnamed_projects_on_the_same_dir_and_workspace_must_be_given_names()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: app
            - dir: ./app/
            """);

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Equal(
            "The projects on lines 3, 4 all use dir \"app\" and workspace \"default\"; give each of them a `name:` so that commands can tell them apart.",
            error.Message);
    }

    [Fact]
    public void Projects_sharing_a_dir_in_different_workspaces_need_no_names()
    {
        var config = ConfigText.Valid("""
            version: 3
            projects:
            - dir: app
              workspace: staging
            - dir: app
              workspace: prod
            """);

        Assert.Equal(2, config.Projects.Count);
    }

    [Fact]
    public void An_unnamed_project_beside_a_named_one_on_the_same_dir_is_the_one_reported()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: app
              name: first
            - dir: app
            """);

        Assert.Equal((5, 3), (error.Line, error.Column));
    }

    [Fact]
    public void An_unknown_workflow_is_reported_at_the_reference_with_a_suggestion()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: a
              workflow: custom
            workflows:
              cutsom: {}
            """);

        Assert.Equal((4, 13), (error.Line, error.Column));
        Assert.Equal(
            "`workflow: custom` names no workflow of this file or the server (defined: `cutsom`, `default`). Did you mean `cutsom`?",
            error.Message);
    }

    [Fact]
    public void An_unknown_requirement_is_reported_at_the_item()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: a
              apply_requirements: [approved, aproved]
            """);

        Assert.Equal(new ConfigError("atlantis.yaml", 4, 34,
            "`apply_requirements` holds \"aproved\", which is not one of `approved`, `mergeable`, `undiverged`. Did you mean `approved`?"), error);
    }

    [Theory]
    [InlineData("/etc/terraform", "is an absolute path")]
    [InlineData("../elsewhere", "must not contain `..`")]
    [InlineData("infra/../../elsewhere", "must not contain `..`")]
    [InlineData("C:/infra", "is an absolute path")]
    public void A_dir_outside_the_repository_is_refused(string dir, string expected)
    {
        var error = ConfigText.Error($"""
            version: 3
            projects:
            - dir: {dir}
            """);

        Assert.Equal((3, 8), (error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stacks/*", "stacks/*")]
    [InlineData("./stacks/**", "stacks/**")]
    [InlineData("envs/prod-?", "envs/prod-?")]
    [InlineData("envs/[ab]*", "envs/[ab]*")]
    public void A_dir_may_be_a_glob(string dir, string expected)
    {
        var config = ConfigText.Valid($"""
            version: 3
            projects:
            - dir: "{dir}"
            """);

        Assert.Equal(expected, Assert.Single(config.Projects).Dir);
    }

    [Fact]
    public void A_dir_glob_with_an_unclosed_set_is_refused()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: envs/[ab
            """);

        Assert.Equal("`dir` \"envs/[ab\" has a `[` that is never closed by `]`.", error.Message);
    }

    [Theory]
    [InlineData("../*")]
    [InlineData("envs/**/../../..")]
    [InlineData("/stacks/*")]
    public void A_dir_glob_outside_the_repository_is_refused(string dir)
    {
        var error = ConfigText.Error($"""
            version: 3
            projects:
            - dir: "{dir}"
            """);

        Assert.StartsWith($"`dir` \"{dir}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"prod env\"")]
    [InlineData("prod/eu")]
    [InlineData("..")]
    public void A_workspace_with_characters_terraform_refuses_is_reported(string workspace)
    {
        var error = ConfigText.Error($"""
            version: 3
            projects:
            - dir: a
              workspace: {workspace}
            """);

        Assert.Equal((4, 14), (error.Line, error.Column));
        Assert.Contains("may only use letters, digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_branch_regex_is_reported_at_its_value()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: a
              branch: /(main/
            """);

        Assert.Equal((4, 11), (error.Line, error.Column));
        Assert.StartsWith("`branch` \"/(main/\" is not a valid regex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_branch_without_slashes_is_refused()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - dir: a
              branch: main
            """);

        Assert.Equal("`branch` must be a regex between slashes, such as /main/ or /release-.*/, not \"main\".", error.Message);
    }

    [Fact]
    public void A_terraform_version_that_is_not_a_version_is_refused()
    {
        var error = ConfigText.Error("version: 3\nprojects:\n- dir: a\n  terraform_version: latest");

        Assert.Equal((4, 22), (error.Line, error.Column));
    }

    [Fact]
    public void An_unknown_enumerated_value_lists_the_allowed_ones()
    {
        var error = ConfigText.Error("version: 3\nrepo_locks:\n  mode: on-apply");

        Assert.Equal(new ConfigError("atlantis.yaml", 3, 9,
            "`mode` must be one of `on_plan`, `on_apply`, `disabled`, not \"on-apply\". Did you mean `on_apply`?"), error);
    }

    [Fact]
    public void An_unknown_dependency_is_reported()
    {
        var error = ConfigText.Error("""
            version: 3
            projects:
            - name: app
              dir: a
              depends_on: [netwrok]
            - name: network
              dir: b
            """);

        Assert.Equal((5, 16), (error.Line, error.Column));
        Assert.Equal("`depends_on` names \"netwrok\", but no project has that name. Did you mean `network`?", error.Message);
    }

    [Fact]
    public void A_key_set_twice_is_reported_at_the_second()
    {
        var error = ConfigText.Error("version: 3\nautomerge: true\nautomerge: false");

        Assert.Equal(new ConfigError("atlantis.yaml", 3, 1, "`automerge` is set twice in the same mapping (first on line 2); keep only one."), error);
    }

    [Fact]
    public void A_misspelt_step_is_reported_with_a_suggestion()
    {
        var error = ConfigText.Error("""
            version: 3
            workflows:
              w:
                plan:
                  steps: [init, plna]
            """);

        Assert.Equal((5, 21), (error.Line, error.Column));
        Assert.Equal(
            "\"plna\" is not a step. Did you mean `plan`? Use one of `init`, `plan`, `apply`, `show`, `import`, `state_rm`, `policy_check`, or write `- run: plna` for a custom command.",
            error.Message);
    }

    [Fact]
    public void Broken_steps_are_each_reported()
    {
        var errors = ConfigText.Errors("""
            version: 3
            workflows:
              w:
                plan:
                  steps:
                  - env:
                      name: A
                      value: x
                      command: echo y
                  - run:
                      shell: bash
                  - plan:
                      extra_args: [-x]
                      other: 1
                  - init: plan
                  - {init: {}, plan: {}}
                  - run:
                      command: x
                      shellArgs: [-c]
                  - run:
                      command: x
                      output: loud
            """);

        Assert.Equal([7, 11, 14, 15, 16, 19, 22], errors.Select(e => e.Line));
        Assert.Contains("exactly one of `value:`", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("needs a `command:`", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("`other` is not a known key in the `plan` step", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("takes only `extra_args", errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("A step must have exactly one key", errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("`shellArgs` needs a `shell:`", errors[5].Message, StringComparison.Ordinal);
        Assert.Contains("`output` must be one of `show`, `hide`, `strip_refreshing`", errors[6].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"[abc\"", "never closed")]
    [InlineData("\"!\"", "needs a pattern after the `!`")]
    [InlineData("\"[z-a]\"", "wrong order")]
    public void An_invalid_when_modified_pattern_is_reported(string pattern, string expected)
    {
        var error = ConfigText.Error($"""
            version: 3
            projects:
            - dir: a
              autoplan:
                when_modified: [{pattern}]
            """);

        Assert.Equal((5, 21), (error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ignore_path_starting_with_a_slash_is_refused()
    {
        var error = ConfigText.Error("version: 3\nautodiscover:\n  ignore_paths: [/tmp]");

        Assert.Contains("must not begin with `/`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_file_order()
    {
        var errors = ConfigText.Errors("""
            version: 3
            automerge: maybe
            projects:
            - dir: /abs
              workspace: a b
            - name: x
            - dir: ok
              apply_requirements: [always]
            unknown: 1
            """);

        Assert.Equal([(2, 12), (4, 8), (5, 14), (6, 3), (8, 24), (9, 1)], errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Invalid_yaml_is_reported_where_the_parser_stopped()
    {
        var error = ConfigText.Error("version: 3\nprojects: [a\nautomerge: true");

        Assert.StartsWith("This is not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 2);
    }

    [Theory]
    [InlineData("", "The file is empty; it needs at least `version: 3`.")]
    [InlineData("# only a comment\n", "The file is empty; it needs at least `version: 3`.")]
    [InlineData("- version: 3", "The file must be a mapping of keys such as `version:` and `projects:`, not a list.")]
    [InlineData("version: 3\nprojects:\n  dir: a", "`projects` must be a list of projects (each starting with `- dir:`), not a mapping.")]
    [InlineData("version: 3\nprojects: [a]", "Each entry of `projects` must be a mapping with at least `dir:`, not \"a\".")]
    [InlineData("version: 3\n---\nversion: 3", "This file holds more than one YAML document (a second `---`); put the whole config in one document.")]
    public void A_file_of_the_wrong_shape_says_what_shape_is_expected(string yaml, string expected)
    {
        Assert.Equal(expected, ConfigText.Error(yaml).Message);
    }

    [Fact]
    public void A_config_error_prints_as_file_line_column_message()
    {
        var error = new ConfigError("atlantis.yaml", 4, 12, "`dir` is missing.");

        Assert.Equal("atlantis.yaml:4:12: `dir` is missing.", error.ToString());
    }
}
