using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

public sealed class CommentParserTests
{
    private static readonly CommentParser Parser = new(["iacbot", "atlantis"]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("please run iacbot plan")]
    [InlineData("> iacbot apply")]
    [InlineData("iacbotplan")]
    [InlineData("atlantisapply")]
    [InlineData("iacbot: plan")]
    [InlineData("`iacbot plan`")]
    [InlineData("LGTM, atlantis apply when ready")]
    [InlineData("Atlantis failed on this one,\nsee the log below")]
    public void Comments_that_do_not_start_with_a_command_name_are_ignored(string? body)
    {
        Assert.IsType<CommentParseResult.Ignored>(Parser.Parse(body));
    }

    [Theory]
    [InlineData("iacbot plan", "iacbot")]
    [InlineData("atlantis plan", "atlantis")]
    [InlineData("IaCBot plan", "iacbot")]
    [InlineData("ATLANTIS PLAN", "atlantis")]
    [InlineData("  \n iacbot\tplan  \n\n", "iacbot")]
    [InlineData("Atlantis Plan", "atlantis")]
    public void A_command_is_read_after_either_name_in_any_case_and_reports_the_name_as_configured(string body, string name)
    {
        var command = ParsedCommand(body);

        Assert.Equal(name, command.CommandName);
        Assert.Equal(CommandKind.Plan, command.Kind);
        Assert.True(command.TargetsAll);
    }

    [Fact]
    public void A_mention_style_name_is_a_command_name_too()
    {
        var parser = new CommentParser(["@some-bot"]);

        var result = parser.Parse("@Some-Bot apply -p network");

        var command = Assert.IsType<CommentParseResult.Parsed>(result).Command;
        Assert.Equal("@some-bot", command.CommandName);
        Assert.Equal("network", command.Project);
    }

    [Theory]
    [InlineData("iacbot plan", "iacbot")]
    [InlineData("IAC plan", "iac")]
    public void The_first_configured_name_that_matches_is_reported(string body, string name)
    {
        var parser = new CommentParser(["iac", "iacbot"]);

        var command = Assert.IsType<CommentParseResult.Parsed>(parser.Parse(body)).Command;

        Assert.Equal(name, command.CommandName);
    }

    [Theory]
    [InlineData("iacbot plan", CommandKind.Plan)]
    [InlineData("iacbot apply", CommandKind.Apply)]
    [InlineData("atlantis unlock", CommandKind.Unlock)]
    [InlineData("atlantis version", CommandKind.Version)]
    public void Each_command_is_recognised(string body, CommandKind kind)
    {
        var command = ParsedCommand(body);

        Assert.Equal(kind, command.Kind);
        Assert.Empty(command.ExtraArgs);
        Assert.False(command.Verbose);
    }

    [Theory]
    [InlineData("iacbot", "iacbot")]
    [InlineData("atlantis help", "atlantis")]
    [InlineData("iacbot HELP", "iacbot")]
    [InlineData("iacbot --help", "iacbot")]
    [InlineData("iacbot -h", "iacbot")]
    [InlineData("iacbot help plan", "iacbot")]
    [InlineData("atlantis plan --help", "atlantis")]
    [InlineData("iacbot apply -d infra -h", "iacbot")]
    public void The_bare_name_or_help_asks_for_help(string body, string name)
    {
        var help = Assert.IsType<CommentParseResult.HelpRequested>(Parser.Parse(body));

        Assert.Equal(name, help.CommandName);
        Assert.Null(help.UnknownCommand);
    }

    [Theory]
    [InlineData("iacbot foo", "iacbot", "foo")]
    [InlineData("atlantis destroy -d infra", "atlantis", "destroy")]
    [InlineData("iacbot -d infra plan", "iacbot", "-d")]
    [InlineData("iacbot plans", "iacbot", "plans")]
    public void An_unknown_command_asks_for_help_and_names_the_word(string body, string name, string unknown)
    {
        var help = Assert.IsType<CommentParseResult.HelpRequested>(Parser.Parse(body));

        Assert.Equal(name, help.CommandName);
        Assert.Equal(unknown, help.UnknownCommand);
    }

    [Theory]
    [InlineData("iacbot plan -d infra", "infra", null, null)]
    [InlineData("iacbot plan --dir infra/prod -w staging", "infra/prod", "staging", null)]
    [InlineData("atlantis apply --dir=infra -w=blue", "infra", "blue", null)]
    [InlineData("iacbot apply -d=./infra/ --workspace prod", "infra", "prod", null)]
    [InlineData("iacbot plan --workspace=prod", null, "prod", null)]
    [InlineData("iacbot plan -p network", null, null, "network")]
    [InlineData("iacbot apply --project=team/network.v2", null, null, "team/network.v2")]
    [InlineData("atlantis version -d infra -w prod", "infra", "prod", null)]
    [InlineData("iacbot version --project network", null, null, "network")]
    [InlineData("iacbot plan -d 'infra/prod'", "infra/prod", null, null)]
    public void Flags_choose_the_directory_workspace_or_project(string body, string? dir, string? workspace, string? project)
    {
        var command = ParsedCommand(body);

        Assert.Equal(dir, command.Dir);
        Assert.Equal(workspace, command.Workspace);
        Assert.Equal(project, command.Project);
        Assert.False(command.TargetsAll);
    }

    [Theory]
    [InlineData("iacbot plan --verbose")]
    [InlineData("iacbot apply -d infra --verbose")]
    [InlineData("iacbot version --verbose -p network")]
    public void The_verbose_flag_asks_for_a_verbose_reply(string body)
    {
        Assert.True(ParsedCommand(body).Verbose);
    }

    [Theory]
    [InlineData("infra", "infra")]
    [InlineData("./infra", "infra")]
    [InlineData("infra/", "infra")]
    [InlineData("./infra//prod/", "infra/prod")]
    [InlineData("././infra", "infra")]
    [InlineData("a/../b", "b")]
    [InlineData("a/./b", "a/b")]
    [InlineData("a/b/../../c", "c")]
    [InlineData("a/..", ".")]
    [InlineData(".", ".")]
    [InlineData("./", ".")]
    [InlineData("...", "...")]
    [InlineData("módulos/ünïcode", "módulos/ünïcode")]
    public void Directories_are_normalised_relative_to_the_repository_root(string dir, string expected)
    {
        Assert.Equal(expected, ParsedCommand($"iacbot plan -d {dir}").Dir);
    }

    [Theory]
    [InlineData("-d /etc", "absolute")]
    [InlineData("-d //etc", "absolute")]
    [InlineData("-d ..", "outside the repository")]
    [InlineData("-d ../other-repo", "outside the repository")]
    [InlineData("-d ../../etc", "outside the repository")]
    [InlineData("-d infra/../../etc", "outside the repository")]
    [InlineData("-d ./..", "outside the repository")]
    [InlineData(@"-d 'infra\prod'", @"`\`")]
    [InlineData("-d '$(id)'", "`$`")]
    [InlineData("-d $HOME", "`$`")]
    [InlineData("-d '`id`'", "`` ` ``")]
    [InlineData("-d 'a;b'", "`;`")]
    [InlineData("-d 'a|b'", "`|`")]
    [InlineData("-d a&b", "`&`")]
    [InlineData("-d a<b", "`<`")]
    [InlineData("-d a>b", "`>`")]
    [InlineData("-d 'infra/*'", "`*`")]
    [InlineData("-d infra?", "`?`")]
    [InlineData("-d (a)", "`(`")]
    [InlineData("-d {a,b}", "`{`")]
    [InlineData("-d [ab]", "`[`")]
    [InlineData("-d !a", "`!`")]
    [InlineData(@"-d a\'b", "`'`")]
    [InlineData("-d 'a\"b'", "`\"`")]
    [InlineData("-d 'my infra'", "space")]
    [InlineData("-d 'a\tb'", "space")]
    [InlineData("-d 'a\0b'", "invisible")]
    [InlineData("-d 'a\u001bb'", "invisible")]
    public void Directories_outside_the_repository_or_with_shell_characters_are_refused(string flags, string reason)
    {
        var invalid = InvalidCommand($"iacbot plan {flags}", CommandKind.Plan);

        Assert.Contains("directory", invalid.Error);
        Assert.Contains(reason, invalid.Error);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("staging")]
    [InlineData("prod.eu-west_1")]
    [InlineData("a.b")]
    public void Plain_workspace_names_are_accepted(string workspace)
    {
        Assert.Equal(workspace, ParsedCommand($"iacbot plan -w {workspace}").Workspace);
    }

    [Fact]
    public void A_workspace_of_90_characters_is_accepted_and_one_of_91_is_refused()
    {
        Assert.Equal(90, ParsedCommand($"iacbot plan -w {new string('w', 90)}").Workspace?.Length);

        var invalid = InvalidCommand($"iacbot plan -w {new string('w', 91)}", CommandKind.Plan);
        Assert.Contains("90 characters", invalid.Error);
    }

    [Theory]
    [InlineData("-w a/b")]
    [InlineData(@"-w 'a\b'")]
    [InlineData("-w .")]
    [InlineData("-w ..")]
    [InlineData("-w a..b")]
    [InlineData("-w ../prod")]
    [InlineData("-w '$x'")]
    [InlineData("-w '$(id)'")]
    [InlineData("-w 'a b'")]
    [InlineData("-w 'prod\0'")]
    [InlineData("-w prödüction")]
    public void Workspaces_with_paths_or_shell_characters_are_refused(string flags)
    {
        var invalid = InvalidCommand($"iacbot apply {flags}", CommandKind.Apply);

        Assert.Contains("workspace", invalid.Error);
    }

    [Theory]
    [InlineData("network")]
    [InlineData("team/network.v2")]
    [InlineData("a..b")]
    [InlineData("my_project-1")]
    public void Project_names_as_written_in_the_repo_config_are_accepted(string project)
    {
        Assert.Equal(project, ParsedCommand($"iacbot plan -p {project}").Project);
    }

    [Theory]
    [InlineData("-p ../network")]
    [InlineData("-p team/../network")]
    [InlineData("-p 'my project'")]
    [InlineData("-p 'a$b'")]
    [InlineData(@"-p 'a\b'")]
    [InlineData("-p 'net;work'")]
    public void Project_names_with_parent_segments_or_other_characters_are_refused(string flags)
    {
        var invalid = InvalidCommand($"iacbot plan {flags}", CommandKind.Plan);

        Assert.Contains("project name", invalid.Error);
    }

    [Fact]
    public void A_project_name_of_200_characters_is_accepted_and_one_of_201_is_refused()
    {
        Assert.Equal(200, ParsedCommand($"iacbot plan -p {new string('p', 200)}").Project?.Length);

        var invalid = InvalidCommand($"iacbot plan -p {new string('p', 201)}", CommandKind.Plan);
        Assert.Contains("200 characters", invalid.Error);
    }

    [Theory]
    [InlineData("iacbot plan -x", CommandKind.Plan, "`-x` is not a flag")]
    [InlineData("iacbot apply --auto-merge-disabled", CommandKind.Apply, "`--auto-merge-disabled` is not a flag")]
    [InlineData("iacbot plan --Dir infra", CommandKind.Plan, "`--Dir` is not a flag")]
    [InlineData("iacbot plan -dinfra", CommandKind.Plan, "`-dinfra` is not a flag")]
    [InlineData("iacbot plan -d", CommandKind.Plan, "needs a value")]
    [InlineData("iacbot plan -w", CommandKind.Plan, "needs a value")]
    [InlineData("iacbot apply -p", CommandKind.Apply, "needs a value")]
    [InlineData("iacbot plan -d -w staging", CommandKind.Plan, "needs a value")]
    [InlineData("iacbot plan --dir=", CommandKind.Plan, "needs a value")]
    [InlineData("iacbot plan -d ''", CommandKind.Plan, "needs a value")]
    [InlineData("iacbot plan -d -- -var x=1", CommandKind.Plan, "needs a value")]
    [InlineData("iacbot plan -d a -d b", CommandKind.Plan, "given twice")]
    [InlineData("iacbot plan -d a --dir=b", CommandKind.Plan, "given twice")]
    [InlineData("iacbot apply -w a --workspace a", CommandKind.Apply, "given twice")]
    [InlineData("iacbot plan --verbose --verbose", CommandKind.Plan, "given twice")]
    [InlineData("iacbot plan --verbose=true", CommandKind.Plan, "takes no value")]
    [InlineData("iacbot plan -p network -d infra", CommandKind.Plan, "cannot be combined")]
    [InlineData("iacbot apply -w staging -p network", CommandKind.Apply, "cannot be combined")]
    [InlineData("iacbot version -p network -d infra", CommandKind.Version, "cannot be combined")]
    [InlineData("iacbot plan infra", CommandKind.Plan, "`infra`")]
    [InlineData("iacbot apply please", CommandKind.Apply, "`please`")]
    [InlineData("iacbot plan -d infra prod", CommandKind.Plan, "`prod`")]
    [InlineData("iacbot version now", CommandKind.Version, "`now`")]
    [InlineData("iacbot unlock -d infra", CommandKind.Unlock, "takes no flags or arguments")]
    [InlineData("iacbot unlock all", CommandKind.Unlock, "takes no flags or arguments")]
    [InlineData("iacbot unlock -- -force", CommandKind.Unlock, "takes no flags or arguments")]
    [InlineData("iacbot version -- -json", CommandKind.Version, "passes no arguments to terraform")]
    public void Mistakes_in_a_command_are_explained_in_one_sentence(string body, CommandKind kind, string expected)
    {
        var invalid = InvalidCommand(body, kind);

        Assert.Contains(expected, invalid.Error);
        Assert.Equal("iacbot", invalid.CommandName);
        Assert.DoesNotContain('\n', invalid.Error);
        Assert.EndsWith(".", invalid.Error);
    }

    [Fact]
    public void Words_after_a_lone_double_dash_are_passed_to_terraform_one_by_one()
    {
        var command = ParsedCommand("iacbot apply -d infra -- -target=module.vpc -parallelism=2");

        Assert.Equal(["-target=module.vpc", "-parallelism=2"], command.ExtraArgs);
        Assert.Equal("infra", command.Dir);
    }

    [Theory]
    [InlineData("""iacbot plan -- -var 'tags={"a"="b c"}'""", new[] { "-var", """tags={"a"="b c"}""" })]
    [InlineData("""atlantis plan -- -var "region=eu west" """, new[] { "-var", "region=eu west" })]
    [InlineData("""iacbot plan -- "say \"hi\"" "back\\slash" "keep\n" """, new[] { "say \"hi\"", "back\\slash", "keep\\n" })]
    [InlineData(@"iacbot plan -- a\ b \'c\' \$d", new[] { "a b", "'c'", "$d" })]
    [InlineData("iacbot plan -- 'it'\"'\"'s' x''y", new[] { "it's", "xy" })]
    [InlineData("iacbot plan -- ''", new[] { "" })]
    [InlineData("iacbot plan -- -var x=1 -- -y", new[] { "-var", "x=1", "--", "-y" })]
    [InlineData("iacbot plan --", new string[0])]
    public void Extra_arguments_are_quoted_like_a_shell_would(string body, string[] expected)
    {
        Assert.Equal(expected, ParsedCommand(body).ExtraArgs);
    }

    [Fact]
    public void Shell_characters_are_passed_as_plain_text_and_never_expanded()
    {
        var command = ParsedCommand("iacbot plan -- -var x=$(id) `whoami` $HOME *.tf ;rm -rf / | cat && echo {a,b} ~ !!");

        Assert.Equal(
            ["-var", "x=$(id)", "`whoami`", "$HOME", "*.tf", ";rm", "-rf", "/", "|", "cat", "&&", "echo", "{a,b}", "~", "!!"],
            command.ExtraArgs);
    }

    [Theory]
    [InlineData("-chdir=/tmp")]
    [InlineData("-chdir /tmp")]
    [InlineData("--chdir=..")]
    [InlineData("--chdir ..")]
    [InlineData("-CHDIR=x")]
    [InlineData("-var x=1 -chdir=x")]
    [InlineData("-plugin-dir=/tmp/plugins")]
    [InlineData("--plugin-dir /tmp")]
    [InlineData("-Plugin-Dir=x")]
    [InlineData("'-chdir=x'")]
    public void Flags_that_move_terraform_out_of_the_project_are_refused_in_every_spelling(string extra)
    {
        var invalid = InvalidCommand($"iacbot plan -- {extra}", CommandKind.Plan);

        Assert.Contains("outside the project", invalid.Error);
    }

    [Theory]
    [InlineData("-var-file=secrets.tfvars")]
    [InlineData("--VAR-FILE secrets.tfvars")]
    [InlineData("-lock=false")]
    public void Flags_the_server_denies_are_refused(string extra)
    {
        var parser = new CommentParser(["iacbot"], ["-var-file", "lock"]);

        var invalid = Assert.IsType<CommentParseResult.Invalid>(parser.Parse($"iacbot apply -- {extra}"));

        Assert.Contains("server's settings", invalid.Error);
    }

    [Fact]
    public void Flags_the_server_does_not_deny_pass_through()
    {
        var parser = new CommentParser(["iacbot"], ["-var-file"]);

        var command = Assert.IsType<CommentParseResult.Parsed>(parser.Parse("iacbot apply -- -var x=1 -var-file-extra")).Command;

        Assert.Equal(["-var", "x=1", "-var-file-extra"], command.ExtraArgs);
    }

    [Theory]
    [InlineData("iacbot plan -- 'a\0b'")]
    [InlineData("iacbot plan -- 'a\u0007b'")]
    [InlineData("iacbot plan -- \"a\u001b[31m\"")]
    public void Extra_arguments_with_control_characters_are_refused(string body)
    {
        var invalid = InvalidCommand(body, CommandKind.Plan);

        Assert.Contains("control character", invalid.Error);
    }

    [Fact]
    public void Extra_arguments_with_broken_unicode_are_refused()
    {
        var invalid = InvalidCommand("iacbot plan -- x\ud800", CommandKind.Plan);

        Assert.Contains("invalid text", invalid.Error);
    }

    [Theory]
    [InlineData("iacbot plan -- -var 'x=1", CommandKind.Plan, "single quote")]
    [InlineData("iacbot apply -d \"infra", CommandKind.Apply, "double quote")]
    [InlineData("iacbot plan -- \"a\\\"", CommandKind.Plan, "double quote")]
    [InlineData("iacbot 'plan", CommandKind.Help, "single quote")]
    public void An_unterminated_quote_is_refused(string body, CommandKind kind, string expected)
    {
        var invalid = InvalidCommand(body, kind);

        Assert.Contains(expected, invalid.Error);
    }

    [Theory]
    [InlineData("iacbot plan\nThanks!", CommandKind.Plan, "`iacbot plan`")]
    [InlineData("atlantis apply -d infra\r\nas discussed in standup", CommandKind.Apply, "`atlantis apply`")]
    [InlineData("iacbot\nplan", CommandKind.Plan, "`iacbot plan`")]
    [InlineData("iacbot\n\nwhat does this do?", CommandKind.Help, "`iacbot`")]
    [InlineData("iacbot Unlock\niacbot plan", CommandKind.Unlock, "`iacbot unlock`")]
    public void A_command_followed_by_more_lines_asks_for_the_command_alone_on_one_line(string body, CommandKind kind, string shown)
    {
        var invalid = InvalidCommand(body, kind);

        Assert.Contains("alone in its comment, on one line", invalid.Error);
        Assert.Contains(shown, invalid.Error);
    }

    [Fact]
    public void A_comment_of_exactly_64_KiB_is_read()
    {
        var prefix = "iacbot plan -- ";
        var body = prefix + new string('a', (64 * 1024) - prefix.Length);

        Assert.Single(ParsedCommand(body).ExtraArgs);
    }

    [Theory]
    [InlineData(1, 64 * 1024)]
    [InlineData(2, 33_000)]
    [InlineData(3, 22_000)]
    public void A_comment_over_64_KiB_of_UTF8_is_refused_with_the_limit(int bytesPerChar, int count)
    {
        var letter = bytesPerChar switch { 1 => 'a', 2 => 'é', _ => '€' };
        var body = "iacbot plan -- " + new string(letter, count);

        var invalid = InvalidCommand(body, CommandKind.Plan);

        Assert.Contains("64 KiB", invalid.Error);
    }

    [Fact]
    public void A_command_of_100_words_is_read_and_one_of_101_is_refused_with_the_limit()
    {
        var hundred = "iacbot plan --" + string.Concat(Enumerable.Repeat(" x", 97));

        Assert.Equal(97, ParsedCommand(hundred).ExtraArgs.Count);

        var invalid = InvalidCommand(hundred + " x", CommandKind.Plan);
        Assert.Contains("100 words", invalid.Error);
    }

    [Fact]
    public void Huge_comments_are_ignored_or_refused_without_failing()
    {
        var huge = new string('x', 20_000_000);

        Assert.IsType<CommentParseResult.Ignored>(Parser.Parse(huge));
        Assert.IsType<CommentParseResult.Invalid>(Parser.Parse("iacbot apply " + huge));
    }

    [Theory]
    [InlineData("iacbot plan --x@org/team", "`--x@org/team`")]
    [InlineData("iacbot plan -a`b", "``-a`b``")]
    [InlineData("iacbot plan '-![img](http://x)'", "`-![img](http://x)`")]
    public void User_text_in_an_error_is_shown_as_code_so_it_cannot_mention_or_render(string body, string shown)
    {
        Assert.Contains(shown, InvalidCommand(body, CommandKind.Plan).Error);
    }

    [Fact]
    public void Long_user_text_in_an_error_is_cut_short()
    {
        var invalid = InvalidCommand($"iacbot plan --{new string('x', 5000)}", CommandKind.Plan);

        Assert.True(invalid.Error.Length < 200, invalid.Error);
        Assert.Contains("…", invalid.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("iac bot")]
    public void Command_names_that_no_comment_could_match_are_refused_at_start(string name)
    {
        Assert.Throws<ArgumentException>(() => new CommentParser(["iacbot", name]));
    }

    [Fact]
    public void A_parser_without_command_names_is_refused_at_start()
    {
        Assert.Throws<ArgumentException>(() => new CommentParser([]));
    }

    private static CommentCommand ParsedCommand(string body)
    {
        var result = Parser.Parse(body);
        return Assert.IsType<CommentParseResult.Parsed>(result).Command;
    }

    private static CommentParseResult.Invalid InvalidCommand(string body, CommandKind kind)
    {
        var invalid = Assert.IsType<CommentParseResult.Invalid>(Parser.Parse(body));
        Assert.Equal(kind, invalid.Kind);
        return invalid;
    }
}
