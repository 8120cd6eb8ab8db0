using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class AutoplanTests : ServerTest
{
    [Fact]
    public async Task An_opened_pull_request_is_planned_and_the_plan_posted_with_the_comment_that_applies_it()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["envs/staging/main.tf"] = NullResource("web"),
            ["README.md"] = "docs only",
        });

        var response = await DeliverPullRequestAsync("opened", pr);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("Ran plan for 1 project", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`envs/staging`", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", comment.Body, StringComparison.Ordinal);
        Assert.Contains("```diff", comment.Body, StringComparison.Ordinal);
        Assert.Contains(comment.Body.Split('\n'), line => line.StartsWith('+') && line.Contains("resource \"null_resource\" \"web\"", StringComparison.Ordinal));
        Assert.Contains("`iacbot apply -d envs/staging`", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", comment.Body, StringComparison.Ordinal);
        await StatusAsync(pr, StatusContexts.Plan, "success");
        var statuses = GitHub.Statuses(Owner, RepoName, pr.HeadSha).Where(s => s.Context == StatusContexts.Plan).ToList();
        Assert.Equal(["pending", "success"], statuses.Select(s => s.State));
        Assert.Equal("1/1 projects planned", statuses[^1].Description);
    }

    [Fact]
    public async Task Terraform_runs_in_automation_mode_with_a_saved_plan_file()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverPullRequestAsync("opened", pr);
        await StatusAsync(pr, StatusContexts.Plan, "success");

        var commands = TerraformRuns.Select(r => string.Join(' ', r.Args)).ToList();
        Assert.Contains("init -input=false", commands);
        Assert.Contains(commands, c => c.StartsWith("plan -input=false -detailed-exitcode -out iacbot-default.tfplan", StringComparison.Ordinal));
        Assert.Contains("show -json iacbot-default.tfplan", commands);
        Assert.All(TerraformRuns, r => Assert.EndsWith(Path.Combine("acme", "infra", "1", "default", "app"), r.Cwd, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_directory_with_changed_terraform_files_is_a_project_and_others_are_not()
    {
        var pr = OpenPullRequest(2, new Dictionary<string, string?>
        {
            ["network/main.tf"] = NullResource("vpc"),
            ["network/terraform.tfvars"] = "region = \"eu-west-1\"\n",
            ["dns/records.tf.json"] = "{}",
            ["docs/guide.md"] = "text",
        });
        Repo.Commit(pr.HeadBranch, new Dictionary<string, string?> { ["dns/main.tf"] = NullResource("zone") }, "dns root module");
        pr.HeadSha = Repo.Head(pr.HeadBranch);

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("Ran plan for 2 projects", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`dns`", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`network`", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("`docs`", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_request_that_changes_no_terraform_gets_a_green_status_and_no_comment()
    {
        var pr = OpenPullRequest(3, new Dictionary<string, string?> { ["README.md"] = "just words" });

        await DeliverPullRequestAsync("opened", pr);

        var status = await StatusAsync(pr, StatusContexts.Plan, "success");
        Assert.Equal("No projects to plan", status.Description);
        Assert.Empty(GitHub.Comments(Owner, RepoName, pr.Number));
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task A_draft_is_not_planned_until_it_is_ready_for_review()
    {
        var pr = OpenPullRequest(4, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        pr.Draft = true;

        await DeliverPullRequestAsync("opened", pr);
        pr.Draft = false;
        await DeliverPullRequestAsync("ready_for_review", pr);

        await CommentContainingAsync(pr, "Ran plan");
        Assert.Single(GitHub.Comments(Owner, RepoName, pr.Number));
        Assert.Single(TerraformRuns, r => r.Command == "plan");
    }

    [Fact]
    public async Task The_files_of_a_large_pull_request_are_read_across_every_page()
    {
        var files = Enumerable.Range(0, 250).ToDictionary(i => $"docs/page-{i:000}.md", i => (string?)$"page {i}");
        files["zz-last/main.tf"] = NullResource("found");
        var pr = OpenPullRequest(5, files);

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("`zz-last`", comment.Body, StringComparison.Ordinal);
        Assert.True(GitHub.RequestCount("GET", "/pulls/5/files") >= 3);
    }

    [Fact]
    public async Task A_repo_config_decides_the_projects_with_their_names_and_when_modified_patterns()
    {
        var pr = OpenPullRequest(6, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = """
                version: 3
                projects:
                - name: prod
                  dir: envs/prod
                  autoplan:
                    when_modified: ["*.tf", "../../modules/**/*.tf"]
                - name: staging
                  dir: envs/staging
                  workspace: staging
                """,
            ["envs/prod/main.tf"] = NullResource("prod"),
            ["envs/staging/main.tf"] = NullResource("staging"),
            ["modules/vpc/main.tf"] = NullResource("vpc"),
        });
        pr.Files.Clear();
        pr.Files.Add("modules/vpc/main.tf");

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("Ran plan for 1 project", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`iacbot apply -p prod`", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("staging", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_in_another_workspace_is_planned_in_its_own_checkout_and_workspace()
    {
        var pr = OpenPullRequest(7, new Dictionary<string, string?>
        {
            ["iacbot.yaml"] = "version: 3\nprojects:\n- dir: app\n  workspace: staging\n",
            ["app/main.tf"] = NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("`iacbot apply -d app -w staging`", comment.Body, StringComparison.Ordinal);
        var plan = Assert.Single(TerraformRuns, r => r.Command == "plan");
        Assert.EndsWith(Path.Combine("7", "staging", "app"), plan.Cwd, StringComparison.Ordinal);
        Assert.Contains(TerraformRuns, r => r.Args.SequenceEqual(["workspace", "new", "staging"]) || r.Args.SequenceEqual(["workspace", "select", "staging"]));
    }
}
