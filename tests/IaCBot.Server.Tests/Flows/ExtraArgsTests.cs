using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

public sealed class ExtraArgsTests : ServerTest
{
    [Theory]
    [InlineData("iacbot plan -d app -- -var-file=../../../../etc/passwd", "points outside the repository")]
    [InlineData("iacbot plan -d app -- --var-file /etc/passwd", "is an absolute path")]
    [InlineData("iacbot plan -- -var-file ../secrets.tfvars", "goes above the project's directory")]
    [InlineData("iacbot apply -- -var-file=~/.aws/credentials", "`~`")]
    public async Task A_var_file_outside_the_repository_is_refused_and_nothing_runs(string command, string reason)
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, command);

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains(reason, reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task A_var_file_inside_the_repository_reaches_terraform()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["envs/dev/main.tf"] = "variable \"size\" {\n  type = string\n}\n" + NullResource("a"),
            ["common.tfvars"] = "size = \"large\"\n",
        });

        await CommentAsync(pr, "iacbot plan -d envs/dev -- -var-file ../../common.tfvars");

        await CommentContainingAsync(pr, "Ran plan");
        var plan = Assert.Single(TerraformRuns, r => r.Command == "plan");
        Assert.Equal(["-var-file", "../../common.tfvars"], plan.Args.SkipWhile(a => a != "-var-file").Take(2));
    }

    [Fact]
    public async Task Flags_the_server_denies_are_refused_in_any_spelling()
    {
        TestSettings["server:deny_extra_args"] = "-lock, -refresh";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await CommentAsync(pr, "iacbot plan -d app -- --lock=false");

        var reply = await CommentNumberAsync(pr, 1);
        Assert.Contains("IaCBot does not pass `--lock=false` to terraform, because this server's settings forbid it.", reply.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }
}
