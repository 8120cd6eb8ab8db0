using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class ApplyTests : ServerTest
{
    [Fact]
    public async Task Apply_applies_the_saved_plan_and_reports_it()
    {
        var pr = await PlannedPullRequestAsync(1, "app");

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.", reply.Body, StringComparison.Ordinal);
        var status = await StatusAsync(pr, StatusContexts.Apply, "success");
        Assert.Equal("1/1 projects applied", status.Description);
        var apply = Assert.Single(TerraformRuns, r => r.Command == "apply");
        Assert.Equal(["apply", "-input=false", "iacbot-default.tfplan"], apply.Args);
    }

    [Fact]
    public async Task A_plan_is_used_up_by_its_apply()
    {
        var pr = await PlannedPullRequestAsync(1, "app");
        await CommentAsync(pr, "iacbot apply");
        await CommentContainingAsync(pr, "Ran apply");

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentNumberAsync(pr, 3);
        Assert.Contains("no plan", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task Apply_of_one_directory_leaves_the_other_plans_waiting()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["a/main.tf"] = NullResource("a"),
            ["b/main.tf"] = NullResource("b"),
        });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot apply -d b");
        var first = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("Ran apply for 1 project", first.Body, StringComparison.Ordinal);

        await CommentAsync(pr, "iacbot apply");
        var second = await CommentNumberAsync(pr, 3);
        Assert.Contains("Ran apply for 1 project", second.Body, StringComparison.Ordinal);
        Assert.Contains("`a`", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_commit_discards_the_plan_so_a_stale_plan_is_never_applied()
    {
        var pr = await PlannedPullRequestAsync(1, "app");
        var firstPlanComments = GitHub.Comments(Owner, RepoName, 1).Count;

        Push(pr, new Dictionary<string, string?> { ["app/extra.tf"] = NullResource("extra") });
        pr.Files.Clear();
        pr.Files.Add("README.md");
        await DeliverPullRequestAsync("synchronize", pr);
        await StatusAsync(pr, StatusContexts.Plan, "success");

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentNumberAsync(pr, firstPlanComments + 1);
        Assert.Contains("no plan", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task A_plan_made_before_the_head_moved_is_refused_even_if_the_push_event_was_lost()
    {
        var pr = await PlannedPullRequestAsync(1, "app");
        Push(pr, new Dictionary<string, string?> { ["app/extra.tf"] = NullResource("extra") });

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("It was discarded", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
        await StatusAsync(pr, StatusContexts.Apply, "failure");
    }

    [Fact]
    public async Task Apply_requirements_from_the_repo_config_are_enforced_until_they_hold()
    {
        UseServerConfig("repos:\n- id: /.*/\n  allowed_overrides: [apply_requirements]\n");
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- dir: app\n  apply_requirements: [approved]\n",
            ["app/main.tf"] = NullResource("a"),
        });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        pr.AddReview(Author, "APPROVED");
        await CommentAsync(pr, "iacbot apply");
        var refused = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("approved by someone other than its author", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");

        pr.AddReview(Reviewer, "APPROVED");
        await CommentAsync(pr, "iacbot apply");
        var applied = await GitHub.WaitForCommentAsync(Owner, RepoName, 1, c => c.Body.Contains("Apply complete!", StringComparison.Ordinal));
        Assert.Contains("1 applied", applied.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mergeable_requirement_follows_what_GitHub_says()
    {
        UseServerConfig("repos:\n- id: /.*/\n  apply_requirements: [mergeable]\n");
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["iacbot.yaml"] = "version: 3\nprojects:\n- dir: app\n",
            ["app/main.tf"] = NullResource("a"),
        });
        pr.Mergeable = false;
        pr.MergeableState = "dirty";
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot apply");

        var refused = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("`dirty`", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task A_repo_cannot_set_its_own_apply_requirements_unless_the_server_allows_it()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = "version: 3\nprojects:\n- dir: app\n  apply_requirements: []\n",
            ["app/main.tf"] = NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("allowed_overrides: [apply_requirements]", reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task Plans_and_locks_survive_a_restart_and_apply_still_works()
    {
        var pr = await PlannedPullRequestAsync(1, "app");

        await App.RestartAsync();
        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("Apply complete!", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_checkout_is_cloned_again_and_the_stored_plan_file_is_applied()
    {
        var pr = await PlannedPullRequestAsync(1, "app");
        Directory.Delete(Path.Combine(DataDir, "repos", "github.com", Owner, RepoName, "1"), recursive: true);

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("Apply complete!", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_apply_sent_while_a_plan_runs_waits_for_it_and_applies_its_result()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["app/main.tf"] = "# fake-terraform: sleep plan 3\n" + NullResource("a"),
        });

        await CommentAsync(pr, "iacbot plan -d app");
        await GitHub.WaitForStatusAsync(Owner, RepoName, pr.HeadSha, s => s.State == "pending");
        await CommentAsync(pr, "iacbot apply");

        var plan = await CommentNumberAsync(pr, 1);
        var apply = await CommentNumberAsync(pr, 2);
        Assert.Contains("Ran plan", plan.Body, StringComparison.Ordinal);
        Assert.Contains("Apply complete!", apply.Body, StringComparison.Ordinal);
    }

    private async Task<FakePullRequest> PlannedPullRequestAsync(int number, string dir)
    {
        var pr = OpenPullRequest(number, new Dictionary<string, string?> { [$"{dir}/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        await StatusAsync(pr, StatusContexts.Plan, "success");
        return pr;
    }
}
