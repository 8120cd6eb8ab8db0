namespace IaCBot.Core.Tests.ServerConfig;

/// <summary>Each mistake in a server config is reported at its line and column, in a sentence that says what to do.</summary>
public sealed class ServerConfigErrorTests
{
    private const string Entry = "repos:\n- id: /.*/\n";

    [Theory]
    [InlineData("repo:\n- id: /.*/\n", 1, 1, "`repo` is not a known key at the top level of the server config. Did you mean `repos`?")]
    [InlineData("id: /.*/\n", 1, 1, "`id` is not a known key at the top level of the server config: it belongs to an entry under `repos:`")]
    [InlineData("version: 3\n", 1, 1, "looks like a repo's own atlantis.yaml")]
    [InlineData("- id: /.*/\n", 1, 1, "must be a mapping with `repos:` and `workflows:`")]
    [InlineData("repos: [unclosed\n", 2, 1, "This is not valid YAML")]
    [InlineData("repos: github.com/acme/infra\n", 1, 8, "`repos` must be a list of entries")]
    [InlineData("repos:\n- github.com/acme/infra\n", 2, 3, "Each entry of `repos` must be a mapping with at least `id:`")]
    [InlineData("repos:\n- branch: /main/\n", 2, 3, "This entry has no `id`")]
    [InlineData("repos:\n- id: \"\"\n", 2, 7, "`id` is empty")]
    [InlineData("repos:\n- id: /(/\n", 2, 7, "`id` \"/(/\" is not a valid regex")]
    [InlineData("repos:\n- id: /(?<=a)b/\n", 2, 7, "uses a backreference, lookaround or atomic group")]
    [InlineData("repos:\n- id: /github.com/acme/infra\n", 2, 7, "has a `/` at one end only")]
    [InlineData("repos:\n- id: github.com/acme/*\n", 2, 7, "looks like a glob, but an id is either exact or a /regex/; for all of an owner's repositories write /^github\\.com/acme//")]
    [InlineData(Entry + "  branch: main\n", 3, 11, "`branch` must be a regex between slashes")]
    [InlineData(Entry + "  branch: /[/\n", 3, 11, "`branch` \"/[/\" is not a valid regex")]
    [InlineData(Entry + "  repo_config_file: /etc/atlantis.yaml\n", 3, 21, "is an absolute path")]
    [InlineData(Entry + "  repo_config_file: ../atlantis.yaml\n", 3, 21, "must not contain `..`")]
    [InlineData(Entry + "  repo_config_file: configs/\n", 3, 21, "names a directory")]
    [InlineData(Entry + "  plan_requirements: [aproved]\n", 3, 23, "`plan_requirements` holds \"aproved\", which is not one of `approved`, `mergeable`, `undiverged`. Did you mean `approved`?")]
    [InlineData(Entry + "  apply_requirements: approved\n", 3, 23, "`apply_requirements` must be a list")]
    [InlineData(Entry + "  import_requirements: [unlocked]\n", 3, 25, "`import_requirements` holds \"unlocked\", which is not one of")]
    [InlineData(Entry + "  workflow: custm\nworkflows:\n  custom:\n", 3, 13, "`workflow: custm` names no workflow of the server config (defined: `custom`, `default`). Did you mean `custom`?")]
    [InlineData(Entry + "  allowed_overrides: [workflows]\n", 3, 23, "`allowed_overrides` holds \"workflows\", which is not one of `plan_requirements`, `apply_requirements`")]
    [InlineData(Entry + "  allowed_workflows: [custom]\n", 3, 23, "`allowed_workflows` names \"custom\", which is no workflow of the server config (defined: `default`)")]
    [InlineData(Entry + "  allow_custom_workflows: \"true\"\n", 3, 27, "`allow_custom_workflows` must be true or false, not \"true\" (remove the quotes).")]
    [InlineData(Entry + "  delete_source_branch_on_merge: maybe\n", 3, 34, "`delete_source_branch_on_merge` must be true or false")]
    [InlineData(Entry + "  pre_workflow_hooks: ./x.sh\n", 3, 23, "`pre_workflow_hooks` must be a list of hooks")]
    [InlineData(Entry + "  pre_workflow_hooks:\n    - ./x.sh\n", 4, 7, "Each hook of `pre_workflow_hooks` must be a mapping such as `- run: ./script.sh`")]
    [InlineData(Entry + "  post_workflow_hooks:\n    - description: x\n", 4, 7, "This hook of `post_workflow_hooks` has no `run:`")]
    [InlineData(Entry + "  pre_workflow_hooks:\n    - run: \"\"\n", 4, 12, "The `run:` of this hook of `pre_workflow_hooks` is empty")]
    [InlineData(Entry + "  pre_workflow_hooks:\n    - run: x\n      descripton: y\n", 5, 7, "`descripton` is not a known key in a hook of `pre_workflow_hooks`. Did you mean `description`?")]
    [InlineData(Entry + "  autodiscover:\n    mode: sometimes\n", 4, 11, "`mode` must be one of `auto`, `enabled`, `disabled`")]
    [InlineData(Entry + "  repo_locks:\n    mode: on_merge\n", 4, 11, "`mode` must be one of `on_plan`, `on_apply`, `disabled`")]
    [InlineData(Entry + "  silence_pr_comments: [import]\n", 3, 25, "which is not one of `plan`, `apply`")]
    [InlineData(Entry + "  apply_requirement: [approved]\n", 3, 3, "`apply_requirement` is not a known key for a repo entry. Did you mean `apply_requirements`?")]
    [InlineData(Entry + "  workflows:\n    custom: {}\n", 3, 3, "workflows are defined at the top level of the server config")]
    [InlineData("workflows:\n  custom:\n    plan:\n      steps: [plna]\n", 4, 15, "\"plna\" is not a step. Did you mean `plan`?")]
    [InlineData("team_authz:\n  command: /bin/authz\n", 1, 1, "`team_authz` (an external command deciding who may run which command) is not supported by IaCBot")]
    [InlineData("policies: [a]\n", 1, 11, "`policies` must be a mapping")]
    public void A_mistake_is_reported_where_it_is(string yaml, int line, int column, string message)
    {
        var error = ServerConfigText.Error(yaml);

        Assert.Equal(("repos.yaml", line, column), (error.FileName, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
