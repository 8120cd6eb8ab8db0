using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

public sealed class CommentParserAllowedCommandsTests
{
    [Theory]
    [InlineData("iacbot import aws_instance.web i-0abc123def4567890", CommandKind.Import, "`import` is not enabled on this server", "adding `import`")]
    [InlineData("atlantis import -d infra aws_instance.web i-1", CommandKind.Import, "`import` is not enabled on this server", "adding `import`")]
    [InlineData("iacbot state rm aws_instance.web", CommandKind.StateRm, "`state rm` is not enabled on this server", "adding `state`")]
    [InlineData("atlantis state -d . rm aws_instance.web", CommandKind.StateRm, "`state rm` is not enabled on this server", "adding `state`")]
    public void Import_and_state_rm_are_refused_unless_the_server_enables_them(string body, CommandKind kind, string refusal, string remedy)
    {
        var parser = new CommentParser(["iacbot", "atlantis"]);

        var invalid = Assert.IsType<CommentParseResult.Invalid>(parser.Parse(body));

        Assert.Equal(kind, invalid.Kind);
        Assert.Contains(refusal, invalid.Error);
        Assert.Contains(remedy, invalid.Error);
        Assert.Contains("`server:allow_commands`", invalid.Error);
    }

    [Theory]
    [InlineData("iacbot plan", CommandKind.Plan)]
    [InlineData("atlantis apply -d infra", CommandKind.Apply)]
    [InlineData("iacbot unlock", CommandKind.Unlock)]
    [InlineData("atlantis version", CommandKind.Version)]
    public void By_default_the_commands_that_work_from_a_plan_are_enabled(string body, CommandKind kind)
    {
        var parser = new CommentParser(["iacbot", "atlantis"]);

        Assert.Equal(kind, Assert.IsType<CommentParseResult.Parsed>(parser.Parse(body)).Command.Kind);
    }

    [Fact]
    public void A_server_can_enable_import_alone()
    {
        var parser = new CommentParser(["iacbot"], allowedCommands: [CommandKind.Plan, CommandKind.Import]);

        Assert.IsType<CommentParseResult.Parsed>(parser.Parse("iacbot import aws_instance.web i-1"));
        Assert.IsType<CommentParseResult.Parsed>(parser.Parse("iacbot plan"));
        Assert.Contains("`state rm` is not enabled", Assert.IsType<CommentParseResult.Invalid>(parser.Parse("iacbot state rm aws_instance.web")).Error);
        Assert.Contains("`apply` is not enabled", Assert.IsType<CommentParseResult.Invalid>(parser.Parse("iacbot apply")).Error);
    }

    [Theory]
    [InlineData("iacbot help")]
    [InlineData("iacbot")]
    [InlineData("atlantis --help")]
    public void Help_is_answered_even_when_the_server_allows_nothing_else(string body)
    {
        var parser = new CommentParser(["iacbot", "atlantis"], allowedCommands: []);

        Assert.IsType<CommentParseResult.HelpRequested>(parser.Parse(body));
        Assert.Equal([CommandKind.Help], parser.AllowedCommands);
    }

    [Fact]
    public void A_disabled_command_is_refused_before_its_words_are_read()
    {
        var parser = new CommentParser(["iacbot"]);

        var invalid = Assert.IsType<CommentParseResult.Invalid>(parser.Parse("iacbot import --help"));

        Assert.Contains("not enabled", invalid.Error);
    }

    [Fact]
    public void The_parser_reports_the_commands_it_accepts_with_help_among_them()
    {
        Assert.Equal(
            [CommandKind.Plan, CommandKind.Apply, CommandKind.Unlock, CommandKind.Help, CommandKind.Version],
            new CommentParser(["iacbot"]).AllowedCommands);
        Assert.Equal(
            [CommandKind.Help, CommandKind.StateRm],
            new CommentParser(["iacbot"], allowedCommands: [CommandKind.StateRm, CommandKind.StateRm]).AllowedCommands);
    }

    [Fact]
    public void An_allowed_command_that_is_no_command_kind_is_refused_at_start()
    {
        Assert.Throws<ArgumentException>(() => new CommentParser(["iacbot"], allowedCommands: [(CommandKind)42]));
    }
}
