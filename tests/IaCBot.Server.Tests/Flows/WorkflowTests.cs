using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>Custom workflows, server-side policies and what a repo may override.</summary>
public sealed class WorkflowTests : ServerTest
{
    [Fact]
    public async Task A_server_workflow_runs_its_env_and_run_steps_with_the_Atlantis_variables()
    {
        UseServerConfig("""
            repos:
            - id: /.*/
              workflow: checked
            workflows:
              checked:
                plan:
                  steps:
                  - init
                  - env:
                      name: IACBOT_TEST_GREETING
                      value: hello
                  - run: printf '%s\n' "project=$PROJECT_NAME dir=$REPO_REL_DIR pull=$PULL_NUM user=$USER_NAME args=$COMMENT_ARGS greeting=$IACBOT_TEST_GREETING"
                  - plan
            """);
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- name: web\n  dir: app\n",
            ["app/main.tf"] = "variable \"size\" {\n  default = \"s\"\n}\n" + NullResource("a"),
        });

        await CommentAsync(pr, "iacbot plan -p web -- -var size=l", user: Reviewer);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains(@"project=web dir=app pull=1 user=bob args=\-\v\a\r,\s\i\z\e\=\l greeting=hello", comment.Body, StringComparison.Ordinal);
        var plan = Assert.Single(TerraformRuns, r => r.Command == "plan");
        Assert.Equal("hello", plan.Env["IACBOT_TEST_GREETING"]);
        Assert.Equal(["-var", "size=l"], plan.Args.TakeLast(2));
    }

    [Fact]
    public async Task A_failing_run_step_stops_the_stage_and_its_output_is_shown()
    {
        UseServerConfig("""
            repos:
            - id: /.*/
              workflow: guarded
            workflows:
              guarded:
                plan:
                  steps:
                  - run: echo "policy says no" && exit 3
                  - init
                  - plan
            """);
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("policy says no", comment.Body, StringComparison.Ordinal);
        Assert.Contains("failed with exit code 3", comment.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
        await StatusAsync(pr, StatusContexts.Plan, "failure");
    }

    [Fact]
    public async Task A_repo_setting_the_server_does_not_allow_gets_a_clear_refusal_and_nothing_runs()
    {
        UseServerConfig("repos:\n- id: /.*/\n  apply_requirements: [approved]\n");
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- dir: app\n  apply_requirements: []\n",
            ["app/main.tf"] = NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentNumberAsync(pr, 1);
        Assert.Contains("apply_requirements", comment.Body, StringComparison.Ordinal);
        Assert.Contains("allowed_overrides", comment.Body, StringComparison.Ordinal);
        Assert.Contains("atlantis.yaml:4:", comment.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task A_repo_may_not_define_workflows_unless_the_server_allows_custom_workflows()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- dir: app\n  workflow: mine\nworkflows:\n  mine:\n    plan:\n      steps: [init, plan]\n",
            ["app/main.tf"] = NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentNumberAsync(pr, 1);
        Assert.Contains("allow_custom_workflows", comment.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task With_custom_workflows_allowed_the_repos_own_workflow_runs()
    {
        UseServerConfig("repos:\n- id: /.*/\n  allowed_overrides: [workflow]\n  allow_custom_workflows: true\n");
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- dir: app\n  workflow: mine\nworkflows:\n  mine:\n    plan:\n      steps:\n      - run: echo repo-workflow-ran\n      - init\n      - plan\n",
            ["app/main.tf"] = NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("repo-workflow-ran", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 to add", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspaces_tfvars_file_in_env_is_passed_to_plan()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["app/main.tf"] = "variable \"size\" {}\n" + NullResource("a"),
            ["app/env/default.tfvars"] = "size = \"m\"\n",
        });

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Ran plan");
        var plan = Assert.Single(TerraformRuns, r => r.Command == "plan");
        Assert.Contains("env/default.tfvars", plan.Args);
    }

    [Fact]
    public async Task Pre_and_post_workflow_hooks_run_in_the_repo_root_with_statuses_of_their_own()
    {
        UseServerConfig("""
            repos:
            - id: /.*/
              pre_workflow_hooks:
              - run: echo "$HEAD_COMMIT" > pre-hook-ran.txt
                description: Generate config
              post_workflow_hooks:
              - run: test -f pre-hook-ran.txt
            """);
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Ran plan");
        await StatusAsync(pr, "iacbot/pre_workflow_hook", "success");
        await StatusAsync(pr, "iacbot/post_workflow_hook", "success");
        Assert.DoesNotContain(GitHub.Comments(Owner, RepoName, 1), c => c.Body.Contains(pr.HeadSha, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Silenced_plan_comments_leave_only_the_status()
    {
        UseServerConfig("repos:\n- id: /.*/\n  silence_pr_comments: [plan]\n");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverPullRequestAsync("opened", pr);

        await StatusAsync(pr, StatusContexts.Plan, "success");
        await CommentAsync(pr, "iacbot help");
        var first = await CommentNumberAsync(pr, 1);
        Assert.DoesNotContain("Ran plan", first.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_requirements_are_checked_before_planning()
    {
        UseServerConfig("repos:\n- id: /.*/\n  plan_requirements: [approved]\n");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("Not planned", comment.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task With_locks_on_apply_a_plan_does_not_lock_and_the_apply_does()
    {
        UseServerConfig("repos:\n- id: /.*/\n  repo_locks:\n    mode: on_apply\n");
        var first = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var second = OpenPullRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });

        await DeliverPullRequestAsync("opened", first);
        await CommentContainingAsync(first, "Ran plan");
        await DeliverPullRequestAsync("opened", second);

        Assert.Contains("Plan: 1 to add", (await CommentContainingAsync(second, "Ran plan")).Body, StringComparison.Ordinal);
        await CommentAsync(first, "iacbot apply");
        Assert.Contains("Apply complete!", (await CommentContainingAsync(first, "Ran apply")).Body, StringComparison.Ordinal);
        await CommentAsync(second, "iacbot apply");
        Assert.Contains("#1 holds the lock", (await CommentContainingAsync(second, "Ran apply")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undiverged_lets_an_up_to_date_pull_request_apply_and_stops_one_behind_its_base_branch()
    {
        UseServerConfig("repos:\n- id: /.*/\n  apply_requirements: [undiverged]\n");
        var current = OpenPullRequest(1, new Dictionary<string, string?> { ["a/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", current);
        await CommentContainingAsync(current, "Ran plan");
        await CommentAsync(current, "iacbot apply");
        Assert.Contains("Apply complete!", (await CommentContainingAsync(current, "Ran apply")).Body, StringComparison.Ordinal);

        var behind = OpenPullRequest(2, new Dictionary<string, string?> { ["b/main.tf"] = NullResource("b") });
        await DeliverPullRequestAsync("opened", behind);
        await CommentContainingAsync(behind, "Ran plan");
        Repo.Commit("main", new Dictionary<string, string?> { ["README.md"] = "merged elsewhere" }, "Someone else's change");

        await CommentAsync(behind, "iacbot apply");

        var refused = await CommentContainingAsync(behind, "Ran apply");
        Assert.Contains("latest commit of `main`", refused.Body, StringComparison.Ordinal);
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }
}
