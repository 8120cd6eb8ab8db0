namespace IaCBot.Core.Commands;

/// <summary>Decides which arguments after <c>--</c> may reach terraform.</summary>
/// <remarks>
/// <c>-chdir</c> and <c>-plugin-dir</c> would point terraform at a directory the user picks, outside the project IaCBot
/// checked and locked, so they are always refused. Terraform's flag parser takes <c>-flag</c>, <c>--flag</c> and
/// <c>-flag=value</c> alike; this check matches every such spelling and ignores case, which only refuses more.
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
    public string? Check(IReadOnlyList<string> args)
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
        }

        return null;
    }

    /// <summary>The flag's name without dashes or value: <c>--CHDIR=x</c> gives <c>CHDIR</c>.</summary>
    internal static string FlagName(string arg)
    {
        var name = arg.Trim().TrimStart('-');
        var equals = name.IndexOf('=');
        return (equals < 0 ? name : name[..equals]).Trim();
    }
}
