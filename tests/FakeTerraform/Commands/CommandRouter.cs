namespace FakeTerraform.Commands;

/// <summary>Terraform's top level: global options before the subcommand, then the subcommand itself.</summary>
internal sealed class CommandRouter(RunContext context)
{
    private static readonly string[] Implemented = ["apply", "import", "init", "plan", "show", "state", "version", "workspace"];

    /// <summary>Real subcommands the fake does not model; named so that a test sees why it failed.</summary>
    private static readonly string[] NotModelled =
    [
        "console", "destroy", "fmt", "force-unlock", "get", "graph", "login", "logout", "metadata",
        "output", "providers", "refresh", "taint", "test", "untaint", "validate",
    ];

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var index = 0;
        for (; index < args.Count && args[index].StartsWith('-'); index++)
        {
            var option = args[index];
            if (option.StartsWith("-chdir=", StringComparison.Ordinal))
            {
                context.Directory = context.Resolve(option["-chdir=".Length..]);
            }
            else if (option is "-version" or "--version" or "-v")
            {
                return new VersionCommand(context).Run([]);
            }
            else if (option is "-help" or "--help" or "-h")
            {
                return Usage(0);
            }
            else
            {
                break;
            }
        }

        if (index >= args.Count)
        {
            return Usage(127);
        }

        var rest = args.Skip(index + 1).ToList();
        return args[index] switch
        {
            "version" => new VersionCommand(context).Run(rest),
            "init" => await new InitCommand(context).RunAsync(rest),
            "workspace" => new WorkspaceCommand(context).Run(rest),
            "plan" => await new PlanCommand(context).RunAsync(rest),
            "apply" => await new ApplyCommand(context).RunAsync(rest),
            "show" => new ShowCommand(context).Run(rest),
            "import" => await new ImportCommand(context).RunAsync(rest),
            "state" => await new StateCommand(context).RunAsync(rest),
            var name when NotModelled.Contains(name) => NotImplemented(name),
            var name => Unknown(name),
        };
    }

    private int Usage(int exitCode)
    {
        context.Out.Write("Usage: terraform [global options] <subcommand> [args]\n\nMain commands:\n"
            + "  init          Prepare your working directory for other commands\n"
            + "  plan          Show changes required by the current configuration\n"
            + "  apply         Create or update infrastructure\n\nAll other commands:\n"
            + "  import        Associate existing infrastructure with a Terraform resource\n"
            + "  show          Show the current state or a saved plan\n"
            + "  state         Advanced state management\n"
            + "  version       Show the current Terraform version\n"
            + "  workspace     Workspace management\n\nGlobal options (use these before the subcommand, if any):\n"
            + "  -chdir=DIR    Switch to a different working directory before executing the\n                given subcommand.\n"
            + "  -help         Show this help output, or the help for a specified subcommand.\n"
            + "  -version      An alias for the \"version\" subcommand.\n");
        return exitCode;
    }

    private int NotImplemented(string name)
    {
        context.Err.Write($"fake terraform: the \"{name}\" command is not modelled by the fake\n");
        return 1;
    }

    private int Unknown(string name)
    {
        var suggestion = Implemented.Concat(NotModelled).FirstOrDefault(c => Distance(c, name) < 3);
        context.Err.Write($"Terraform has no command named \"{name}\".");
        context.Err.Write(suggestion is null ? "\n" : $" Did you mean \"{suggestion}\"?\n");
        context.Err.Write("\nTo see all of Terraform's top-level commands, run:\n  terraform -help\n\n");
        return 1;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
