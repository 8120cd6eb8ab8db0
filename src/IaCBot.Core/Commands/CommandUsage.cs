using System.Text;

namespace IaCBot.Core.Commands;

/// <summary>Help and usage texts in GitHub Markdown, written with the command name the user typed.</summary>
/// <remarks>The server posts these as they are, after an error or as the answer to <c>help</c>.</remarks>
public static class CommandUsage
{
    private const string Targets = "[-d DIR] [-w WORKSPACE] [-p PROJECT] [--verbose]";

    private static readonly CommandKind[] Listed =
    [
        CommandKind.Plan, CommandKind.Apply, CommandKind.Import, CommandKind.StateRm, CommandKind.Unlock,
        CommandKind.Version, CommandKind.Help,
    ];

    /// <summary>The commands a server runs by default, with their flags and examples.</summary>
    public static string Help(string commandName) => Help(commandName, AllowCommandsSetting.Default);

    /// <summary>The commands in <paramref name="allowed"/> (and <c>help</c>), with their flags and examples.</summary>
    /// <remarks>A command the server does not run is left out, so the help never offers what would be refused.</remarks>
    public static string Help(string commandName, IReadOnlyCollection<CommandKind> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var listed = Listed.Where(kind => kind == CommandKind.Help || allowed.Contains(kind)).ToArray();
        var text = new StringBuilder()
            .AppendLine("IaCBot runs Terraform for this pull request when you ask it in a comment. Post the command as a comment of its own, on a single line.")
            .AppendLine()
            .AppendLine("| Command | What it does |")
            .AppendLine("| --- | --- |");
        foreach (var kind in listed)
        {
            text.AppendLine($"| {Code(commandName, kind)} | {Summary(kind, commandName)} |");
        }

        foreach (var kind in listed)
        {
            text.AppendLine().Append(For(kind, commandName));
        }

        return text
            .AppendLine()
            .AppendLine("Words after a lone `--` reach Terraform one by one, quoted as you would in a shell (`'...'` or `\"...\"`). IaCBot never runs them through a shell, so `$`, `;` and backticks have no special meaning.")
            .ToString();
    }

    /// <summary>The usage of one command: what it does, its syntax, its flags and examples.</summary>
    public static string For(CommandKind kind, string commandName)
    {
        var word = $"{commandName} {CommandWords.Of(kind)}";
        var text = new StringBuilder()
            .AppendLine($"#### {Code(commandName, kind)}")
            .AppendLine()
            .AppendLine(Summary(kind, commandName))
            .AppendLine()
            .AppendLine("```text")
            .AppendLine($"{word}{Syntax(kind)}")
            .AppendLine("```");
        if (CommandWords.TakesArguments(kind))
        {
            text.AppendLine()
                .AppendLine("Put an address with a key in single quotes, as in `'aws_instance.web[\"blue\"]'`, so its double quotes reach Terraform.");
        }

        var flags = FlagRows(kind);
        if (flags.Length > 0)
        {
            text.AppendLine().AppendLine("| Flag | Meaning |").AppendLine("| --- | --- |");
            foreach (var row in flags)
            {
                text.AppendLine(row);
            }
        }

        var examples = Examples(kind);
        text.AppendLine().AppendLine(examples.Length == 1 ? "Example:" : "Examples:");
        foreach (var (example, meaning) in examples)
        {
            text.AppendLine($"- `{word}{example}` {meaning}");
        }

        return text.ToString();
    }

    private static string Code(string commandName, CommandKind kind) => $"`{commandName} {CommandWords.Of(kind)}`";

    private static string Summary(CommandKind kind, string commandName) => kind switch
    {
        CommandKind.Plan => "Runs `terraform plan` for every project this pull request changes, or only for the one you name, and posts the plan here.",
        CommandKind.Apply => "Applies the plans made for this pull request, once it meets this repository's apply requirements (such as an approval).",
        CommandKind.Import => $"Runs `terraform import` so that Terraform manages a resource that already exists, in every project this pull request changes or only in the one you name. {DiscardsPlan(commandName)}",
        CommandKind.StateRm => $"Runs `terraform state rm` so that Terraform forgets resources without destroying them, in every project this pull request changes or only in the one you name. {DiscardsPlan(commandName)}",
        CommandKind.Unlock => "Throws away this pull request's plans and releases the locks it holds, so other pull requests can plan those projects.",
        CommandKind.Version => "Shows the Terraform version that each project of this pull request uses.",
        _ => "Shows the list of commands and their flags.",
    };

    /// <remarks>The saved plan was made against the state before the change, so applying it could undo the change.</remarks>
    private static string DiscardsPlan(string commandName) =>
        $"It discards the project's plan: comment `{commandName} plan` again before `{commandName} apply`.";

    private static string Syntax(CommandKind kind) => kind switch
    {
        CommandKind.Plan or CommandKind.Apply => $" {Targets} [-- TERRAFORM_ARGS...]",
        CommandKind.Import => $" ADDRESS ID {Targets} [-- TERRAFORM_ARGS...]",
        CommandKind.StateRm => $" ADDRESS... {Targets} [-- TERRAFORM_ARGS...]",
        CommandKind.Version => $" {Targets}",
        _ => "",
    };

    private static string[] FlagRows(CommandKind kind)
    {
        if (kind is CommandKind.Unlock or CommandKind.Help)
        {
            return [];
        }

        string[] rows =
        [
            "| `-d DIR`, `--dir DIR` | Only the project in this directory, relative to the repository root (`.` is the root). |",
            "| `-w NAME`, `--workspace NAME` | Only this Terraform workspace. |",
            "| `-p NAME`, `--project NAME` | Only the project with this name in `atlantis.yaml`. It has its own directory and workspace, so leave out `-d` and `-w`. |",
            "| `--verbose` | Add more detail about the run to the reply. |",
        ];
        return kind == CommandKind.Version
            ? rows
            : [.. rows, $"| `-- ARGS` | Pass the words after `--` to `terraform {CommandWords.Of(kind)}` as extra arguments. |"];
    }

    private static (string Example, string Meaning)[] Examples(CommandKind kind) => kind switch
    {
        CommandKind.Plan =>
        [
            ("", "plans every project this pull request changes."),
            (" -d infra/staging", "plans only the project in `infra/staging`."),
            (" -p network -- -var 'region=eu-west-1'", "plans the project named `network` with an extra variable."),
        ],
        CommandKind.Apply =>
        [
            ("", "applies every plan of this pull request."),
            (" -d infra/staging -w blue", "applies only the plan of `infra/staging` in the `blue` workspace."),
        ],
        CommandKind.Import =>
        [
            (" aws_instance.web i-0abc123def4567890", "imports the instance `i-0abc123def4567890` as `aws_instance.web`."),
            (""" -d infra/staging 'module.vpc.aws_subnet.private["a"]' subnet-0abc1234""", "imports a subnet into a module of the project in `infra/staging`."),
        ],
        CommandKind.StateRm =>
        [
            (" aws_instance.web", "makes Terraform forget `aws_instance.web` and leaves the instance running."),
            (""" -p network 'aws_route53_record.www["eu"]' aws_eip.nat[0]""", "forgets two resources of the project named `network`."),
        ],
        CommandKind.Unlock => [("", "frees the projects this pull request has locked.")],
        CommandKind.Version => [(" -p network", "shows the Terraform version of the project named `network`.")],
        _ => [("", "shows this list.")],
    };
}
