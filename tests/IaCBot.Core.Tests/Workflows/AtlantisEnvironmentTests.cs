using IaCBot.Core.Workflows;

namespace IaCBot.Core.Tests.Workflows;

public sealed class AtlantisEnvironmentTests
{
    [Fact]
    public void Comment_args_are_escaped_character_by_character_and_joined_by_commas_as_in_Atlantis()
    {
        Assert.Equal(@"\-\t\a\r\g\e\t\=\f\o\o,\x\ \y", AtlantisEnvironment.EscapeCommentArgs(["-target=foo", "x y"]));
    }

    [Fact]
    public void Shell_syntax_in_comment_args_arrives_escaped()
    {
        Assert.Equal(@"\$\(\i\d\),\`\x\`,\;", AtlantisEnvironment.EscapeCommentArgs(["$(id)", "`x`", ";"]));
    }

    [Fact]
    public void No_comment_args_give_an_empty_value()
    {
        Assert.Equal("", AtlantisEnvironment.EscapeCommentArgs([]));
    }
}
