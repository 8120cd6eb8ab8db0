using System.Text;

namespace IaCBot.Core.Commands;

/// <summary>Help and usage texts in GitHub Markdown, written with the command name the user typed.</summary>
/// <remarks>The server posts these as they are, after an error or as the answer to <c>help</c>.</remarks>
public static class CommandUsage
{
    private static readonly CommandKind[] Listed =
        [CommandKind.Plan, CommandKind.Apply, CommandKind.Unlock, CommandKind.Version, CommandKind.Help];

    /// <summary>Every command with its flags and examples.</summary>
    public static string Help(string commandName)
    {
        var text = new StringBuilder()
            .AppendLine("IaCBot runs Terraform for this pull request when you ask it in a comment. Post the command as a comment of its own, on a single line.")
            .AppendLine()
            .AppendLine("| Command | What it does |")
            .AppendLine("| --- | --- |");
        foreach (var kind in Listed)
        {
            text.AppendLine($"| {Code(commandName, kind)} | {Summary(kind)} |");
        }

        foreach (var kind in Listed)
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
            .AppendLine(Summary(kind))
            .AppendLine()
            .AppendLine("```text")
            .AppendLine($"{word}{Syntax(kind)}")
            .AppendLine("```");
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

    private static string Summary(CommandKind kind) => kind switch
    {
        CommandKind.Plan => "Runs `terraform plan` for every project this pull request changes, or only for the one you name, and posts the plan here.",
        CommandKind.Apply => "Applies the plans made for this pull request, once it meets this repository's apply requirements (such as an approval).",
        CommandKind.Unlock => "Throws away this pull request's plans and releases the locks it holds, so other pull requests can plan those projects.",
        CommandKind.Version => "Shows the Terraform version that each project of this pull request uses.",
        _ => "Shows the list of commands and their flags.",
    };

    private static string Syntax(CommandKind kind) => kind switch
    {
        CommandKind.Plan or CommandKind.Apply => " [-d DIR] [-w WORKSPACE] [-p PROJECT] [--verbose] [-- TERRAFORM_ARGS...]",
        CommandKind.Version => " [-d DIR] [-w WORKSPACE] [-p PROJECT] [--verbose]",
        _ => "",
    };

    private static string[] FlagRows(CommandKind kind)
    {
        if (kind is not (CommandKind.Plan or CommandKind.Apply or CommandKind.Version))
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
        CommandKind.Unlock => [("", "frees the projects this pull request has locked.")],
        CommandKind.Version => [(" -p network", "shows the Terraform version of the project named `network`.")],
        _ => [("", "shows this list.")],
    };
}
