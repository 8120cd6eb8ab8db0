using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class StateCommandTests : ServerTest
{
    [Fact]
    public async Task Import_and_state_rm_are_refused_unless_the_server_enables_them()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, "iacbot import null_resource.a abc123 -d app");

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("server:allow_commands", reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task Import_brings_a_resource_into_the_state_and_discards_the_plan()
    {
        TestSettings["server:allow_commands"] = "plan,apply,unlock,help,version,import,state";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot import null_resource.a abc123 -d app");

        var reply = await CommentContainingAsync(pr, "Ran import");
        Assert.Contains("Import successful!", reply.Body, StringComparison.Ordinal);
        Assert.Contains("plan of this project was discarded", reply.Body, StringComparison.Ordinal);
        var import = Assert.Single(TerraformRuns, r => r.Command == "import");
        Assert.Equal(["null_resource.a", "abc123"], import.Args.TakeLast(2));

        await CommentAsync(pr, "iacbot apply");
        Assert.Contains("no plan", (await CommentNumberAsync(pr, 3)).Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task State_rm_removes_resources_from_the_state()
    {
        TestSettings["server:allow_commands"] = "plan,apply,import,state";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await CommentAsync(pr, "iacbot import null_resource.a abc123 -d app");
        await CommentContainingAsync(pr, "Ran import");

        await CommentAsync(pr, "iacbot state rm null_resource.a -d app");

        var reply = await CommentContainingAsync(pr, "Ran state rm");
        Assert.Contains("Removed null_resource.a", reply.Body, StringComparison.Ordinal);
        Assert.Single(TerraformRuns, r => r.Args.Take(2).SequenceEqual(["state", "rm"]));
    }

    [Fact]
    public async Task A_failing_import_shows_terraforms_error()
    {
        TestSettings["server:allow_commands"] = "plan,import";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, "iacbot import null_resource.missing abc123 -d app");

        var reply = await CommentContainingAsync(pr, "Ran import");
        Assert.Contains("The import failed.", reply.Body, StringComparison.Ordinal);
        Assert.Contains("does not exist in the configuration", reply.Body, StringComparison.Ordinal);
    }
}
