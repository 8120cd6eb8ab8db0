namespace IaCBot.Core.Commands;

/// <summary>Decides which arguments after <c>--</c> may reach terraform.</summary>
/// <remarks>
/// <c>-chdir</c> and <c>-plugin-dir</c> would point terraform at a directory the user picks, outside the project IaCBot
/// checked and locked, so they are always refused. Terraform's flag parser takes <c>-flag</c>, <c>--flag</c> and
/// <c>-flag=value</c> alike; this check matches every such spelling and ignores case, which only refuses more.
/// A <c>-var-file</c>, in any spelling, must name a file inside the repository (see <see cref="VarFileRule"/>).
/// </remarks>
internal sealed class ExtraArgsPolicy
{
    private static readonly HashSet<string> AlwaysDenied = new(["chdir", "plugin-dir"], StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _deniedByServer = new(StringComparer.OrdinalIgnoreCase);

    public ExtraArgsPolicy(IEnumerable<string> deniedByServer)
    {
        foreach (var flag in deniedByServer)
        {
            var name = FlagName(flag ?? "");
            if (name.Length == 0)
            {
                throw new ArgumentException("A denied extra argument must name a flag, such as -var-file.", nameof(deniedByServer));
            }

            _deniedByServer.Add(name);
        }
    }

    /// <summary>The error to show for the first argument that may not reach terraform, or null.</summary>
    /// <param name="dir">The command's normalised <c>-d</c>, or null when it names none.</param>
    public string? Check(IReadOnlyList<string> args, string? dir)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (TextChecks.HasControlOrBrokenChar(arg))
            {
                return $"Argument {i + 1} after `--` contains a control character or invalid text, which IaCBot does not pass to terraform.";
            }

            if (!arg.StartsWith('-'))
            {
                continue;
            }

            var name = FlagName(arg);
            if (AlwaysDenied.Contains(name))
            {
                return $"IaCBot does not pass {InlineCode.Of(arg)} to terraform, because it would run terraform outside the project.";
            }

            if (_deniedByServer.Contains(name))
            {
                return $"IaCBot does not pass {InlineCode.Of(arg)} to terraform, because this server's settings forbid it.";
            }

            if (name.Equals(VarFileRule.Flag, StringComparison.OrdinalIgnoreCase) && CheckVarFile(args, i, dir) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <remarks>
    /// Terraform takes the file as <c>-var-file=F</c> or as the next argument. A next argument that starts with
    /// <c>-</c> is refused rather than read as a file, so that no flag can hide in the place of a value.
    /// </remarks>
    private static string? CheckVarFile(IReadOnlyList<string> args, int i, string? dir)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=');
        if (equals >= 0)
        {
            return VarFileRule.Check(arg, arg[(equals + 1)..], dir);
        }

        return i + 1 < args.Count && !args[i + 1].StartsWith('-')
            ? VarFileRule.Check($"{arg} {args[i + 1]}", args[i + 1], dir)
            : $"{InlineCode.Of(arg)} must be followed by a file, as in `-var-file=prod.tfvars`.";
    }

    /// <summary>The flag's name without dashes or value: <c>--CHDIR=x</c> gives <c>CHDIR</c>.</summary>
    internal static string FlagName(string arg)
    {
        var name = arg.Trim().TrimStart('-');
        var equals = name.IndexOf('=');
        return (equals < 0 ? name : name[..equals]).Trim();
    }
}
