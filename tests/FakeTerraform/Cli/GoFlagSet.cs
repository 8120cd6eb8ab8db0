using System.Globalization;
using System.Text.RegularExpressions;

namespace FakeTerraform.Cli;

/// <summary>
/// Parses arguments the way Go's <c>flag</c> package does for terraform: <c>-x</c> and <c>--x</c> alike,
/// <c>-x=v</c> or <c>-x v</c>, booleans only as <c>-x</c> or <c>-x=bool</c>, and parsing stops at the first
/// positional argument (so a flag after a plan file is a positional, as with real terraform).
/// </summary>
internal sealed partial class GoFlagSet
{
    private readonly Dictionary<string, FlagKind> _flags = new(StringComparer.Ordinal);

    public GoFlagSet Add(FlagKind kind, params string[] names)
    {
        foreach (var name in names)
        {
            _flags[name] = kind;
        }

        return this;
    }

    public ParsedFlags Parse(IReadOnlyList<string> args)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (i < args.Count)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                break;
            }

            i++;
            if (arg == "--")
            {
                break;
            }

            i = ParseOne(arg, args, i, parsed);
        }

        return new ParsedFlags(parsed, [.. args.Skip(i)]);
    }

    private int ParseOne(string arg, IReadOnlyList<string> args, int next, List<KeyValuePair<string, string>> parsed)
    {
        var name = arg[(arg[1] == '-' ? 2 : 1)..];
        if (name.Length == 0 || name[0] == '-' || name[0] == '=')
        {
            throw new FlagParseException($"bad flag syntax: {arg}");
        }

        string? value = null;
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            value = name[(equals + 1)..];
            name = name[..equals];
        }

        if (!_flags.TryGetValue(name, out var kind))
        {
            throw new FlagParseException($"flag provided but not defined: -{name}");
        }

        if (kind == FlagKind.Bool)
        {
            value ??= "true";
            if (ParseBool(value) is null)
            {
                throw new FlagParseException($"invalid boolean value \"{value}\" for -{name}: parse error");
            }
        }
        else if (value is null)
        {
            if (next >= args.Count)
            {
                throw new FlagParseException($"flag needs an argument: -{name}");
            }

            value = args[next++];
        }

        Validate(kind, name, value);
        parsed.Add(new(name, value));
        return next;
    }

    private static void Validate(FlagKind kind, string name, string value)
    {
        var valid = kind switch
        {
            FlagKind.Int => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            FlagKind.Duration => value == "0" || DurationPattern().IsMatch(value),
            _ => true,
        };
        if (!valid)
        {
            throw new FlagParseException($"invalid value \"{value}\" for flag -{name}: parse error");
        }
    }

    /// <summary>Go's strconv.ParseBool.</summary>
    public static bool? ParseBool(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    [GeneratedRegex(@"^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex DurationPattern();
}
