using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

public sealed class CommentParserVarFileTests
{
    private static readonly CommentParser Parser = new(["iacbot"]);

    [Theory]
    [InlineData("iacbot plan -- -var-file=prod.tfvars")]
    [InlineData("iacbot plan -- -var-file prod.tfvars")]
    [InlineData("iacbot plan -- --var-file=vars/prod.tfvars")]
    [InlineData("iacbot plan -- --var-file ./vars/../prod.tfvars")]
    [InlineData("iacbot apply -d envs/dev -- -var-file=../../common.tfvars")]
    [InlineData("iacbot plan -d envs/dev -- -var-file ../shared.tfvars")]
    [InlineData("iacbot plan -p network -- -var-file=env/prod.tfvars")]
    public void A_var_file_inside_the_repository_is_passed_to_terraform(string body)
    {
        var parsed = Assert.IsType<CommentParseResult.Parsed>(Parser.Parse(body));

        Assert.Contains(parsed.Command.ExtraArgs, arg => arg.Contains("var-file", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("iacbot plan -- -var-file=/etc/passwd", "absolute path")]
    [InlineData("iacbot plan -- -var-file /etc/passwd", "absolute path")]
    [InlineData("iacbot plan -- --var-file=/root/.aws/credentials", "absolute path")]
    [InlineData("iacbot plan -- --var-file /root/x", "absolute path")]
    [InlineData("iacbot plan -- -VAR-FILE=/etc/passwd", "absolute path")]
    [InlineData("iacbot plan -- -var-file=C:/secrets.tfvars", "absolute path")]
    [InlineData("iacbot plan -- -var-file=~/.aws/credentials", "`~`")]
    [InlineData("iacbot plan -- -var-file ~root/x", "`~`")]
    [InlineData("iacbot plan -- '-var-file=..\\..\\x'", "`\\`")]
    [InlineData("iacbot plan -- -var-file=../x.tfvars", "goes above the project's directory")]
    [InlineData("iacbot plan -p network -- -var-file=a/../../x.tfvars", "goes above the project's directory")]
    [InlineData("iacbot plan -d envs/dev -- -var-file=../../../x.tfvars", "points outside the repository")]
    [InlineData("iacbot plan -d envs/dev -- --var-file ../../a/../../x", "points outside the repository")]
    [InlineData("iacbot plan -d . -- -var-file=../x.tfvars", "points outside the repository")]
    [InlineData("iacbot plan -- -var-file=", "names no file")]
    [InlineData("iacbot plan -- -var-file", "must be followed by a file")]
    [InlineData("iacbot plan -- -var-file -chdir=/", "must be followed by a file")]
    [InlineData("iacbot plan -- -var-file=ok.tfvars -var-file=/etc/shadow", "absolute path")]
    public void A_var_file_outside_the_repository_is_refused_in_every_spelling(string body, string reason)
    {
        var invalid = Assert.IsType<CommentParseResult.Invalid>(Parser.Parse(body));

        Assert.Contains(reason, invalid.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_the_server_denies_is_refused_in_every_spelling()
    {
        var parser = new CommentParser(["iacbot"], ["-lock", "--state-out"]);

        foreach (var body in new[] { "iacbot apply -- -lock=false", "iacbot apply -- --lock false", "iacbot apply -- -state-out=x" })
        {
            var invalid = Assert.IsType<CommentParseResult.Invalid>(parser.Parse(body));
            Assert.Contains("this server's settings forbid it", invalid.Error, StringComparison.Ordinal);
        }
    }
}
