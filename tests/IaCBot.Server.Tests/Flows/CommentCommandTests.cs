using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class CommentCommandTests : ServerTest
{
    [Fact]
    public async Task Atlantis_users_can_keep_typing_atlantis_plan_and_get_replies_in_the_same_words()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["envs/dev/main.tf"] = NullResource("a") });

        await CommentAsync(pr, "atlantis plan -d envs/dev");

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("`atlantis apply -d envs/dev`", comment.Body, StringComparison.Ordinal);
        await StatusAsync(pr, StatusContexts.Plan, "success");
    }

    [Fact]
    public async Task Extra_arguments_after_a_double_dash_reach_terraform_plan_as_separate_arguments()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["app/main.tf"] = "variable \"size\" {}\n" + NullResource("a"),
        });

        await CommentAsync(pr, "iacbot plan -d app -- -var 'size=large; rm -rf /'");

        await CommentContainingAsync(pr, "Ran plan");
        var plan = Assert.Single(TerraformRuns, r => r.Command == "plan");
        Assert.Equal(["-var", "size=large; rm -rf /"], plan.Args.TakeLast(2));
    }

    [Fact]
    public async Task A_directory_outside_the_repository_is_refused_with_the_usage_and_nothing_runs()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, "iacbot plan -d ../../etc");

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("-d", reply.Body, StringComparison.Ordinal);
        Assert.Contains("iacbot plan", reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Theory]
    [InlineData("iacbot plan -w ../prod", "workspace")]
    [InlineData("iacbot plan -p web -d app", "-p")]
    [InlineData("iacbot plan --destroy-everything", "--destroy-everything")]
    [InlineData("iacbot plan -- -chdir=/tmp", "-chdir")]
    [InlineData("iacbot apply -- -plugin-dir /tmp/evil", "-plugin-dir")]
    public async Task A_bad_command_gets_a_reply_naming_the_problem_and_no_terraform_runs(string comment, string named)
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, comment);

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains(named, reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Theory]
    [InlineData("iacbot help")]
    [InlineData("iacbot frobnicate")]
    [InlineData("iacbot")]
    public async Task Help_and_unknown_commands_get_the_help_text(string comment)
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, comment);

        var reply = await CommentNumberAsync(pr, 1);
        foreach (var command in new[] { "plan", "apply", "unlock" })
        {
            Assert.Contains($"iacbot {command}", reply.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_reports_the_bot_and_terraform_versions()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, "iacbot version");

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("IaCBot", reply.Body, StringComparison.Ordinal);
        Assert.Contains("Terraform v1.5.7", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_without_flags_plans_what_the_pull_request_changed()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["a/main.tf"] = NullResource("a"),
            ["b/main.tf"] = NullResource("b"),
        });

        await CommentAsync(pr, "iacbot plan");

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("Ran plan for 2 projects", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_a_pull_request_without_terraform_changes_says_how_to_plan_a_directory()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["README.md"] = "words" });

        await CommentAsync(pr, "iacbot plan");

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("`iacbot plan -d DIR`", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_repo_config_is_explained_with_its_line_and_nothing_runs()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- dir: app\n  worksapce: prod\n",
            ["app/main.tf"] = NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("atlantis.yaml", reply.Body, StringComparison.Ordinal);
        Assert.Contains(":4:", reply.Body, StringComparison.Ordinal);
        Assert.Contains("worksapce", reply.Body, StringComparison.Ordinal);
        await StatusAsync(pr, StatusContexts.Plan, "failure");
        Assert.Empty(TerraformRuns);
    }
}
