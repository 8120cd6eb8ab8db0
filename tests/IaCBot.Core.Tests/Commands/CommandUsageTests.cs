using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

public sealed class CommandUsageTests
{
    [Theory]
    [InlineData("iacbot")]
    [InlineData("atlantis")]
    public void Help_lists_every_command_with_the_name_the_user_typed(string name)
    {
        var help = CommandUsage.Help(name);

        foreach (var command in new[] { "plan", "apply", "unlock", "version", "help" })
        {
            Assert.Contains($"`{name} {command}`", help);
        }

        Assert.DoesNotContain(name == "iacbot" ? "atlantis plan" : "iacbot plan", help);
    }

    [Fact]
    public void Help_explains_every_flag_and_the_double_dash()
    {
        var help = CommandUsage.Help("iacbot");

        foreach (var flag in new[] { "`-d DIR`", "`--dir DIR`", "`-w NAME`", "`--workspace NAME`", "`-p NAME`", "`--project NAME`", "`--verbose`", "`-- ARGS`" })
        {
            Assert.Contains(flag, help);
        }
    }

    [Theory]
    [InlineData(CommandKind.Plan, "iacbot plan -d infra/staging")]
    [InlineData(CommandKind.Apply, "iacbot apply -d infra/staging -w blue")]
    [InlineData(CommandKind.Unlock, "iacbot unlock")]
    [InlineData(CommandKind.Version, "iacbot version -p network")]
    [InlineData(CommandKind.Help, "iacbot help")]
    public void The_usage_of_a_command_has_an_example_a_user_can_copy(CommandKind kind, string example)
    {
        Assert.Contains($"`{example}`", CommandUsage.For(kind, "iacbot"));
    }

    [Fact]
    public void Every_example_in_the_help_is_a_command_the_parser_accepts()
    {
        var parser = new CommentParser(["iacbot"]);
        var examples = CommandUsage.Help("iacbot")
            .Split('\n')
            .Where(line => line.StartsWith("- `iacbot", StringComparison.Ordinal))
            .Select(line => line[3..line.IndexOf('`', 3)])
            .ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.IsNotType<CommentParseResult.Invalid>(parser.Parse(example)));
    }

    [Theory]
    [InlineData(CommandKind.Unlock)]
    [InlineData(CommandKind.Help)]
    public void Commands_without_flags_show_no_flag_table(CommandKind kind)
    {
        Assert.DoesNotContain("`-d DIR`", CommandUsage.For(kind, "iacbot"));
    }

    [Fact]
    public void Version_usage_does_not_offer_extra_arguments_that_it_would_refuse()
    {
        var usage = CommandUsage.For(CommandKind.Version, "iacbot");

        Assert.DoesNotContain("TERRAFORM_ARGS", usage);
        Assert.DoesNotContain("`-- ARGS`", usage);
    }
}
