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
    [InlineData(CommandKind.Import, "iacbot import aws_instance.web i-0abc123def4567890")]
    [InlineData(CommandKind.StateRm, "iacbot state rm aws_instance.web")]
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

    [Fact]
    public void Every_example_in_the_help_of_a_server_that_allows_everything_is_a_command_it_accepts()
    {
        var parser = new CommentParser(["atlantis"], allowedCommands: AllowCommandsSetting.All);
        var examples = CommandUsage.Help("atlantis", AllowCommandsSetting.All)
            .Split('\n')
            .Where(line => line.StartsWith("- `atlantis", StringComparison.Ordinal))
            .Select(line => line[3..line.IndexOf('`', 3)])
            .ToList();

        Assert.Contains(examples, example => example.StartsWith("atlantis import", StringComparison.Ordinal));
        Assert.Contains(examples, example => example.StartsWith("atlantis state rm", StringComparison.Ordinal));
        Assert.All(examples, example => Assert.IsNotType<CommentParseResult.Invalid>(parser.Parse(example)));
    }

    [Theory]
    [InlineData("iacbot")]
    [InlineData("atlantis")]
    public void Help_lists_import_and_state_rm_only_where_the_server_allows_them(string name)
    {
        var everything = CommandUsage.Help(name, AllowCommandsSetting.All);
        var byDefault = CommandUsage.Help(name);

        Assert.Contains($"`{name} import`", everything);
        Assert.Contains($"`{name} state rm`", everything);
        Assert.DoesNotContain("import", byDefault);
        Assert.DoesNotContain("state rm", byDefault);
        Assert.Equal(byDefault, CommandUsage.Help(name, AllowCommandsSetting.Default));
    }

    [Fact]
    public void Help_leaves_out_every_command_the_server_does_not_run_but_never_help_itself()
    {
        var help = CommandUsage.Help("iacbot", [CommandKind.Plan]);

        Assert.Contains("`iacbot plan`", help);
        Assert.Contains("`iacbot help`", help);
        foreach (var command in new[] { "apply", "unlock", "version", "import", "state rm" })
        {
            Assert.DoesNotContain($"`iacbot {command}", help);
        }
    }

    [Theory]
    [InlineData(CommandKind.Import, "iacbot")]
    [InlineData(CommandKind.StateRm, "atlantis")]
    public void Import_and_state_rm_say_they_discard_the_plan(CommandKind kind, string name)
    {
        var usage = CommandUsage.For(kind, name);

        Assert.Contains("discards the project's plan", usage);
        Assert.Contains($"`{name} plan` again before `{name} apply`", usage);
    }

    [Theory]
    [InlineData(CommandKind.Import, "iacbot import ADDRESS ID [-d DIR]", "`terraform import`")]
    [InlineData(CommandKind.StateRm, "iacbot state rm ADDRESS... [-d DIR]", "`terraform state rm`")]
    public void Import_and_state_rm_show_their_arguments_flags_and_how_to_quote_an_address(CommandKind kind, string syntax, string terraform)
    {
        var usage = CommandUsage.For(kind, "iacbot");

        Assert.Contains(syntax, usage);
        Assert.Contains($"| `-- ARGS` | Pass the words after `--` to {terraform}", usage);
        Assert.Contains("`-p NAME`", usage);
        Assert.Contains("single quotes", usage);
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
