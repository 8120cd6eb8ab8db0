using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>Execution order groups, depends_on, parallel plans and module-aware autoplans.</summary>
public sealed class ExecutionOrderTests : ServerTest
{
    private const string OrderedConfig = """
        version: 3
        projects:
        - name: network
          dir: network
          execution_order_group: 1
        - name: app
          dir: app
          execution_order_group: 2
          depends_on: [network]
        """;

    [Fact]
    public async Task Apply_all_applies_a_dependency_before_the_project_that_depends_on_it()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = OrderedConfig,
            ["app/main.tf"] = NullResource("app"),
            ["network/main.tf"] = NullResource("vpc"),
        });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("2 applied", reply.Body, StringComparison.Ordinal);
        var applies = TerraformRuns.Where(r => r.Command == "apply").Select(r => Path.GetFileName(r.Cwd)).ToList();
        Assert.Equal(["network", "app"], applies);
    }

    [Fact]
    public async Task A_project_is_not_applied_before_its_dependency()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = OrderedConfig,
            ["app/main.tf"] = NullResource("app"),
            ["network/main.tf"] = NullResource("vpc"),
        });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot apply -p app");

        var reply = await CommentContainingAsync(pr, "Ran apply");
        Assert.Contains("depends on `network`", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task With_parallel_plan_projects_plan_side_by_side_and_each_keeps_its_own_output()
    {
        var files = new Dictionary<string, string?> { ["atlantis.yaml"] = "version: 3\nparallel_plan: true\nprojects:\n" };
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            files["atlantis.yaml"] += $"- dir: {name}\n";
            files[$"{name}/main.tf"] = "# fake-terraform: sleep plan 1\n" + NullResource($"res_{name}");
        }

        var pr = OpenPullRequest(1, files);
        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("Ran plan for 4 projects", comment.Body, StringComparison.Ordinal);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            Assert.Contains($"null_resource.res_{name} will be created", comment.Body, StringComparison.Ordinal);
        }

        Assert.True(TerraformCalls.MostAtOnce(DataDir, "plan") > 1, "the plans ran one after another");
    }

    [Fact]
    public async Task Without_parallel_plan_projects_plan_one_after_another()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["a/main.tf"] = NullResource("a"),
            ["b/main.tf"] = NullResource("b"),
        });

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Ran plan");
        Assert.Equal(1, TerraformCalls.MostAtOnce(DataDir, "plan"));
    }

    [Fact]
    public async Task A_changed_local_module_autoplans_every_project_that_uses_it()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["modules/vpc/main.tf"] = NullResource("vpc"),
            ["envs/prod/main.tf"] = "module \"vpc\" {\n  source = \"../../modules/vpc\"\n}\n" + NullResource("prod"),
            ["envs/dev/main.tf"] = "module \"vpc\" {\n  source = \"../../modules/vpc\"\n}\n" + NullResource("dev"),
            ["envs/other/main.tf"] = NullResource("other"),
        });
        pr.Files.Clear();
        pr.Files.Add("modules/vpc/main.tf");

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("`envs/dev`", comment.Body, StringComparison.Ordinal);
        Assert.Contains("`envs/prod`", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("`envs/other`", comment.Body, StringComparison.Ordinal);
    }
}
