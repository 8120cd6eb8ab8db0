using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

public sealed class AllowCommandsSettingTests
{
    [Theory]
    [InlineData("plan", CommandKind.Plan)]
    [InlineData("apply", CommandKind.Apply)]
    [InlineData("unlock", CommandKind.Unlock)]
    [InlineData("help", CommandKind.Help)]
    [InlineData("version", CommandKind.Version)]
    [InlineData("import", CommandKind.Import)]
    [InlineData("state", CommandKind.StateRm)]
    [InlineData(" State ", CommandKind.StateRm)]
    [InlineData("IMPORT", CommandKind.Import)]
    public void Each_value_of_allow_commands_names_a_command(string value, CommandKind kind)
    {
        Assert.True(AllowCommandsSetting.TryParseKind(value, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("state rm")]
    [InlineData("rm")]
    [InlineData("all")]
    [InlineData("approve_policies")]
    [InlineData("destroy")]
    [InlineData("")]
    [InlineData(null)]
    public void Words_that_name_no_single_command_are_not_a_command(string? value)
    {
        Assert.False(AllowCommandsSetting.TryParseKind(value, out _));
    }

    [Fact]
    public void Every_command_has_a_value_that_enables_it()
    {
        foreach (var kind in Enum.GetValues<CommandKind>())
        {
            Assert.True(AllowCommandsSetting.TryParseKind(AllowCommandsSetting.NameOf(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }
    }

    [Theory]
    [InlineData("plan,apply,unlock,help,version,import,state")]
    [InlineData("all")]
    [InlineData("plan|all")]
    [InlineData("plan, apply|unlock| version ,import,state")]
    public void The_setting_may_list_every_command_in_one_value_or_many(string setting)
    {
        Assert.True(AllowCommandsSetting.TryParse(Items(setting), out var allowed, out _));
        Assert.Equal(Enum.GetValues<CommandKind>(), allowed.Order());
    }

    [Fact]
    public void The_default_of_atlantis_keeps_import_and_state_rm_off_and_passes_over_what_iacbot_lacks()
    {
        Assert.True(AllowCommandsSetting.TryParse(["version,plan,apply,unlock,approve_policies,cancel"], out var allowed, out _));

        Assert.Equal(AllowCommandsSetting.Default.Order(), allowed.Order());
        Assert.DoesNotContain(CommandKind.Import, allowed);
        Assert.DoesNotContain(CommandKind.StateRm, allowed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ,")]
    [InlineData(" | ")]
    public void Help_is_always_allowed_even_by_an_empty_setting(string setting)
    {
        Assert.True(AllowCommandsSetting.TryParse(Items(setting), out var allowed, out _));
        Assert.Equal([CommandKind.Help], allowed);
    }

    [Theory]
    [InlineData("plan,destroy", "`destroy`")]
    [InlineData("plan|state rm", "`state rm`")]
    [InlineData("plan;apply", "`plan;apply`")]
    public void A_value_iacbot_does_not_know_is_named_in_the_error(string setting, string shown)
    {
        Assert.False(AllowCommandsSetting.TryParse(Items(setting), out _, out var error));

        Assert.Contains(shown, error);
        Assert.Contains("import, state or all", error);
    }

    [Fact]
    public void A_parsed_setting_enables_state_rm_in_the_parser()
    {
        Assert.True(AllowCommandsSetting.TryParse(["plan,apply,state"], out var allowed, out _));
        var parser = new CommentParser(["atlantis"], allowedCommands: allowed);

        var command = Assert.IsType<CommentParseResult.Parsed>(parser.Parse("atlantis state rm aws_instance.web")).Command;

        Assert.Equal(CommandKind.StateRm, command.Kind);
        Assert.IsType<CommentParseResult.Invalid>(parser.Parse("atlantis import aws_instance.web i-1"));
    }

    [Fact]
    public void A_setting_with_no_items_allows_only_help()
    {
        Assert.True(AllowCommandsSetting.TryParse([], out var allowed, out _));
        Assert.Equal([CommandKind.Help], allowed);
    }

    /// <summary>The items of a list setting, written with <c>|</c> between them (a comma stays inside an item).</summary>
    private static string[] Items(string setting) => setting.Split('|');
}
