using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class PermissionTests : ServerTest
{
    [Fact]
    public async Task A_commenter_without_write_access_cannot_apply_even_on_a_writers_pull_request()
    {
        var pr = await PlannedPullRequestAsync();
        GitHub.SetRole(Owner, RepoName, "bob", "triage");

        await CommentAsync(pr, "iacbot apply", user: "bob");

        var reply = await CommentNumberAsync(pr, 2);
        Assert.StartsWith("@bob needs write access to acme/infra to apply, and has triage access: nothing was run.", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task A_maintainer_may_apply()
    {
        var pr = await PlannedPullRequestAsync();
        GitHub.SetRole(Owner, RepoName, "carol", "maintain");

        await CommentAsync(pr, "iacbot apply", user: "carol");

        await CommentContainingAsync(pr, "Ran apply");
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task Anyone_who_can_comment_may_plan_but_not_unlock()
    {
        GitHub.DefaultRole = "read";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, "iacbot plan", user: "drive-by");
        await CommentContainingAsync(pr, "Ran plan");
        await CommentAsync(pr, "iacbot unlock", user: "drive-by");

        var reply = await CommentNumberAsync(pr, 2);
        Assert.StartsWith("@drive-by needs write access to acme/infra to unlock", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permission_check_github_refuses_refuses_the_apply_and_says_so()
    {
        var pr = await PlannedPullRequestAsync();
        GitHub.FailNext("GET", "/collaborators/alice/permission", 403);

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentNumberAsync(pr, 2);
        Assert.StartsWith("IaCBot could not check whether @alice may apply, so nothing was run: GitHub answered 403", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task A_list_for_apply_replaces_write_access_and_names_the_team_or_setting_that_would_allow_it()
    {
        TestSettings["server:command_permissions:apply"] = "dave, @acme/platform";
        GitHub.AddTeamMember("acme", "platform", "carol");
        GitHub.AddTeamMember("acme", "platform", "erin", "pending");
        var pr = await PlannedPullRequestAsync();

        await CommentAsync(pr, "iacbot apply", user: "alice");
        var refused = await CommentNumberAsync(pr, 2);
        await CommentAsync(pr, "iacbot apply", user: "erin");
        var invited = await CommentNumberAsync(pr, 3);
        await CommentAsync(pr, "iacbot apply", user: "carol");

        Assert.StartsWith("@alice must be in `@acme/platform` or listed in `server:command_permissions:apply` to apply: nothing was run.", refused.Body, StringComparison.Ordinal);
        Assert.StartsWith("@erin must be in `@acme/platform`", invited.Body, StringComparison.Ordinal);
        await CommentContainingAsync(pr, "Ran apply");
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }

    private async Task<FakePullRequest> PlannedPullRequestAsync()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        await StatusAsync(pr, StatusContexts.Plan, "success");
        return pr;
    }
}
