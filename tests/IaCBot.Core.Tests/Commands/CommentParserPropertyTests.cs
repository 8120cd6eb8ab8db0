using CsCheck;
using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Commands;

public sealed class CommentParserPropertyTests
{
    private const int Cases = 4_000;

    private static readonly CommentParser Parser = new(["iacbot", "atlantis"], ["-var-file"], AllowCommandsSetting.All);

    private static readonly string[] Prefixes =
        ["iacbot ", "atlantis ", "IACBOT ", "Atlantis\t", "  iacbot  ", "\niacbot ", "> iacbot ", "iacbot", "@iacbot ", ""];

    private static readonly string[] Commands =
        ["plan", "apply", "version", "unlock", "help", "Plan", "APPLY", "destroy", "", "plan\n", "'plan'", "import", "state rm",
            "state", "State RM", "state mv", "'state rm'"];

    /// <summary>Addresses and IDs as users write them.</summary>
    private static readonly string[] Addresses =
    [
        "aws_instance.web", "null_resource.x[0]", "module.vpc", "module.vpc.aws_subnet.a", "data.aws_ami.ubuntu",
        "'module.vpc.aws_subnet.a[\"x\"]'", "'aws_instance.web[\"a b\"]'", "'a.b[\"\\\"\"]'", "'a.b[\"$(id)\"]'",
        "i-0abc123def4567890", "subnet-0bb1c79de3EXAMPLE", "arn:aws:iam::123456789012:role/ci", "\"my-project roles/viewer\"",
    ];

    /// <summary>Near misses: unquoted keys, stray dots and brackets, flags, paths.</summary>
    private static readonly string[] NearMisses =
    [
        "aws_instance.web[\"x\"]", "aws_instance", "aws_instance.", ".web", "a.b.c", "a.b[", "a.b[]", "a.b[-1]", "module.",
        "rm", "-", "-rm", "''", "../a.b", "/etc/passwd", "'a.b\u0007'",
    ];

    private static readonly string[] Flags =
        ["-d", "--dir", "-w", "--workspace", "-p", "--project", "--verbose", "-d=", "--dir=", "-w=", "-p=", "-x", "--"];

    private static readonly string[] Fragments =
    [
        "infra", "prod", "a", "staging", "team/net", ".", "./", "..", "../", "../../etc", "/etc/passwd", "//", "/",
        "a/../..", "a/..", "...", "~", "~/.ssh", "$(id)", "${HOME}", "$HOME", "`id`", "'", "\"", "\\", "\\\\", "'a b'",
        "\"x\\\"y\"", "\"..\"", "'..'", ";", "|", "&&", "&", "<", ">", "*", "?", "!", "(", ")", "{a,b}", "[ab]", " ",
        "\t", "\n", "\r\n", "\0", "\u0001", "\u001b[31m", "\u00a0", "\u2028", "\ud800", "\udc00", "😀", "ü", "é€",
        "-chdir=/", "-chdir", "--CHDIR=..", "-plugin-dir", "-Plugin-Dir=/tmp", "-var-file=x", "-var", "x=1", "a..b",
        "C:\\", "%2e%2e", "=", "-", "--",
    ];

    private static readonly string[] PathPieces =
        ["infra", "prod", "a", "staging", "team", "x.y", "_", "-", ".", "..", "/", "./", "../", "//"];

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (8, Gen.OneOf(Fragments)),
        (1, Gen.String[0, 6]),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>Half plausible paths and names made of dots and slashes, half hostile fragments, so both get through.</summary>
    private static readonly Gen<string> Value = Gen.Frequency(
        (1, Gen.OneOf(PathPieces).Array[1, 5].Select(string.Concat)),
        (1, Fragment.Array[1, 3].Select(string.Concat)));

    private static readonly Gen<string> Flag = Gen.Select(
        Gen.OneOf(Flags), Gen.OneOf(" ", " ", "=", ""), Value, (flag, separator, value) => flag + separator + value);

    private static readonly Gen<string> ExtraArgs = Gen.Frequency(
        (1, Gen.Const("")),
        (2, Value.Array[0, 4].Select(args => " -- " + string.Join(' ', args))));

    private static readonly Gen<string> Prefix =
        Gen.Frequency((3, Gen.Const("iacbot ")), (2, Gen.Const("atlantis ")), (1, Gen.OneOf(Prefixes)));

    private static readonly Gen<string> Command =
        Gen.Frequency((3, Gen.Const("plan")), (2, Gen.Const("apply")), (1, Gen.Const("version")), (1, Gen.OneOf(Commands)));

    private static readonly Gen<string> AdversarialComment = Gen.Select(
        Prefix,
        Command,
        Flag.Array[0, 3],
        ExtraArgs,
        (prefix, command, flags, extra) => $"{prefix}{command} {string.Join(' ', flags)}{extra}");

    private static readonly Gen<string> ResourceWord =
        Gen.Frequency((6, Gen.OneOf(Addresses)), (2, Gen.OneOf(NearMisses)), (1, Value));

    /// <summary>An <c>import</c> or <c>state</c> comment: arguments and flags in any order, as Atlantis allows.</summary>
    private static readonly Gen<string> ResourceComment = Gen.SelectMany(
        Prefix,
        Gen.OneOf("import", "state rm", "state", "Import", "STATE RM"),
        Gen.Frequency((2, ResourceWord.Array[2]), (1, ResourceWord.Array[1]), (1, ResourceWord.Array[0, 4])),
        Gen.Frequency((2, Gen.Const(Array.Empty<string>())), (1, Flag.Array[1, 2])),
        ExtraArgs,
        (prefix, command, arguments, flags, extra) => Gen.Shuffle(arguments.Concat(flags).ToArray())
            .Select(words => $"{prefix}{command} {string.Join(' ', words)}{extra}"));

    private static readonly Gen<string> CommentWithDir = CommentWith(Gen.OneOf("-d", "--dir"));

    private static readonly Gen<string> CommentWithWorkspace = CommentWith(Gen.OneOf("-w", "--workspace"));

    private static readonly Gen<string> CommentWithExtraArgs = Gen.Select(
        Prefix,
        Gen.OneOf("plan", "apply"),
        Value.Array[1, 5],
        (prefix, command, args) => $"{prefix}{command} -- {string.Join(' ', args)}");

    private static readonly Gen<string> RandomText = Gen.Frequency(
        (1, Gen.String),
        (1, Gen.String.Select(text => "iacbot " + text)),
        (1, Gen.String.Select(text => "atlantis plan -- " + text)),
        (1, Gen.String[Gen.Char[(char)0, (char)0x7f], 0, 300].Select(text => "iacbot apply " + text)));

    /// <summary>Where a -var-file might point: plausible paths, escapes, home and absolute paths, drive letters.</summary>
    private static readonly string[] VarFilePaths =
    [
        "prod.tfvars", "env/prod.tfvars", "../common.tfvars", "../../common.tfvars", "../../../x", "./a/../../b", "a/../..",
        "/etc/passwd", "//etc/passwd", "~/.aws/credentials", "~", "~root/x", "C:/x", "c:x", "..\\x", "a/./b/../c", "..",
        "...", "....//x", "%2e%2e/x", "-chdir=/", "$HOME/x", "'../x'", "\"a b/../../x\"",
    ];

    private static readonly Gen<string> VarFileValue = Gen.Frequency((2, Gen.OneOf(VarFilePaths)), (2, Value));

    private static readonly Gen<string> VarFileArg = Gen.Select(
        Gen.OneOf("-var-file=", "--var-file=", "-var-file ", "--var-file ", "-VAR-FILE=", "-Var-File "),
        VarFileValue,
        (flag, value) => flag + value);

    /// <summary>A plan or apply naming a directory, a project or neither, with var-files among other arguments.</summary>
    private static readonly Gen<string> CommentWithVarFile = Gen.Select(
        Prefix,
        Gen.OneOf("plan", "apply"),
        Gen.Frequency((2, Gen.Const("")), (2, Value.Select(dir => $"-d {dir} ")), (1, Gen.Const("-p network "))),
        Gen.Frequency((3, VarFileArg), (1, Value)).Array[1, 4],
        (prefix, command, target, args) => $"{prefix}{command} {target}-- {string.Join(' ', args)}");

    private static Gen<string> CommentWith(Gen<string> flag) => Gen.Select(
        Prefix,
        Command,
        flag,
        Gen.OneOf(" ", "="),
        Value,
        Flag.Array[0, 1],
        ExtraArgs,
        (prefix, command, name, separator, value, others, extra) =>
            $"{prefix}{command} {name}{separator}{value} {string.Join(' ', others)}{extra}");

    [Fact]
    public void Random_text_never_makes_the_parser_throw()
    {
        FixedSeedProperty.Check(RandomText, seed: 20_240_601, Cases, body => Assert.NotNull(Parser.Parse(body)));
    }

    [Fact]
    public void Adversarial_commands_never_make_the_parser_throw()
    {
        var comments = Gen.OneOf(AdversarialComment, CommentWithDir, CommentWithWorkspace, CommentWithExtraArgs, ResourceComment);

        FixedSeedProperty.Check(comments, seed: 1_337, Cases, body => Assert.NotNull(Parser.Parse(body)));
    }

    [Fact]
    public void A_parsed_directory_always_stays_inside_the_repository()
    {
        var parsedDirs = 0;
        FixedSeedProperty.Check(Gen.OneOf(AdversarialComment, CommentWithDir, ResourceComment), seed: 42, Cases, body =>
        {
            if (Parser.Parse(body) is not CommentParseResult.Parsed { Command.Dir: { } dir })
            {
                return;
            }

            parsedDirs++;
            Assert.False(dir.StartsWith('/'), dir);
            Assert.DoesNotContain("..", dir.Split('/'));
            Assert.DoesNotContain("", dir.Split('/'));
            Assert.False(dir.Any(c => "$`;|&<>*?(){}[]!'\"\\".Contains(c) || char.IsWhiteSpace(c) || char.IsControl(c)), dir);
        });

        Assert.True(parsedDirs > 100, $"only {parsedDirs} cases produced a directory");
    }

    [Fact]
    public void A_parsed_workspace_is_always_a_plain_name()
    {
        var parsedWorkspaces = 0;
        FixedSeedProperty.Check(Gen.OneOf(AdversarialComment, CommentWithWorkspace), seed: 7_919, Cases, body =>
        {
            if (Parser.Parse(body) is not CommentParseResult.Parsed { Command.Workspace: { } workspace })
            {
                return;
            }

            parsedWorkspaces++;
            Assert.False(workspace.Any(c => c is '/' or '\\' or '$' || char.IsWhiteSpace(c) || char.IsControl(c)), workspace);
            Assert.DoesNotContain("..", workspace);
            Assert.NotEqual(".", workspace);
        });

        Assert.True(parsedWorkspaces > 100, $"only {parsedWorkspaces} cases produced a workspace");
    }

    [Fact]
    public void Parsed_extra_arguments_never_move_terraform_out_of_the_project()
    {
        var parsedExtraArgs = 0;
        FixedSeedProperty.Check(Gen.OneOf(AdversarialComment, CommentWithExtraArgs, ResourceComment), seed: 65_537, Cases, body =>
        {
            if (Parser.Parse(body) is not CommentParseResult.Parsed { Command.ExtraArgs: [_, ..] args })
            {
                return;
            }

            parsedExtraArgs++;
            foreach (var arg in args)
            {
                var flag = arg.Trim().TrimStart('-').Split('=')[0].Trim();
                Assert.False(
                    arg.StartsWith('-') && flag.ToLowerInvariant() is "chdir" or "plugin-dir" or "var-file",
                    arg);
                Assert.False(arg.Any(char.IsControl), arg);
            }
        });

        Assert.True(parsedExtraArgs > 100, $"only {parsedExtraArgs} cases produced extra arguments");
    }

    [Fact]
    public void A_parsed_var_file_always_stays_inside_the_repository()
    {
        var parser = new CommentParser(["iacbot", "atlantis"]);
        var varFiles = 0;
        FixedSeedProperty.Check(CommentWithVarFile, seed: 271_828, Cases, body =>
        {
            if (parser.Parse(body) is not CommentParseResult.Parsed { Command: var command })
            {
                return;
            }

            foreach (var path in VarFilesOf(command.ExtraArgs))
            {
                varFiles++;
                Assert.False(path.Length == 0 || path.StartsWith('/') || path.Contains('~') || path.Contains('\\'), path);

                // Without -d the project may be any directory, so the file must stay inside whichever it is.
                var root = command.Dir is null ? "/repo/some/project" : "/repo";
                var resolved = Path.GetFullPath(Path.Combine(root, command.Dir ?? ".", path));
                Assert.True(resolved == root || resolved.StartsWith(root + "/", StringComparison.Ordinal), $"{path} from {command.Dir ?? "(no -d)"} is {resolved}");
            }
        });

        Assert.True(varFiles > 100, $"only {varFiles} var-files were accepted");
    }

    [Fact]
    public void Parsed_import_and_state_rm_arguments_are_addresses_and_ids_terraform_cannot_take_for_flags()
    {
        var parsed = new Dictionary<CommandKind, int> { [CommandKind.Import] = 0, [CommandKind.StateRm] = 0 };
        FixedSeedProperty.Check(ResourceComment, seed: 8_191, Cases, body =>
        {
            if (Parser.Parse(body) is not CommentParseResult.Parsed { Command: var command })
            {
                return;
            }

            parsed[command.Kind]++;
            Assert.True(command.Kind == CommandKind.Import ? command.Arguments.Count == 2 : command.Arguments.Count >= 1);
            foreach (var argument in command.Arguments)
            {
                Assert.False(argument.Length == 0 || argument.StartsWith('-') || argument.Any(char.IsControl), argument);
            }

            var addresses = command.Kind == CommandKind.Import ? command.Arguments.Take(1) : command.Arguments;
            Assert.All(addresses, address => Assert.Matches(@"^(module\.|data\.|[A-Za-z_])", address));
        });

        Assert.True(parsed.Values.All(count => count > 100), $"only {parsed[CommandKind.Import]} imports and {parsed[CommandKind.StateRm]} state rm parsed");
    }

    [Fact]
    public void With_the_default_allow_commands_import_and_state_rm_never_run()
    {
        var parser = new CommentParser(["iacbot", "atlantis"]);

        FixedSeedProperty.Check(Gen.OneOf(ResourceComment, AdversarialComment), seed: 3, Cases, body =>
            Assert.False(parser.Parse(body) is CommentParseResult.Parsed { Command.Kind: CommandKind.Import or CommandKind.StateRm }, body));
    }

    /// <summary>The files of every -var-file among <paramref name="args"/>, read as terraform's flag parser reads them.</summary>
    private static IEnumerable<string> VarFilesOf(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].TrimStart('-');
            if (!args[i].StartsWith('-') || !name.StartsWith("var-file", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Length == "var-file".Length && i + 1 < args.Count)
            {
                yield return args[i + 1];
            }
            else if (name.Length > "var-file".Length && name["var-file".Length] == '=')
            {
                yield return name[("var-file".Length + 1)..];
            }
        }
    }

    [Fact]
    public void Every_comment_addressed_to_the_bot_gets_an_answer_and_every_other_is_ignored()
    {
        FixedSeedProperty.Check(RandomText, seed: 99, Cases, body =>
        {
            var addressed = body.TrimStart().StartsWith("iacbot ", StringComparison.OrdinalIgnoreCase)
                || body.TrimStart().StartsWith("atlantis ", StringComparison.OrdinalIgnoreCase);
            var ignored = Parser.Parse(body) is CommentParseResult.Ignored;

            Assert.True(addressed || ignored);
        });
    }
}
