using System.Text;
using System.Text.RegularExpressions;

namespace FakeTerraform.Config;

/// <summary>Parses the few right-hand sides the fake understands: literals, var.x and TYPE.NAME.ATTR.</summary>
internal static partial class ValueParser
{
    public static Expression? ParseExpression(string text)
    {
        var value = StripTrailingComment(text.Trim());
        if (value.StartsWith('"'))
        {
            var literal = ParseQuoted(value);
            if (literal is null)
            {
                return null;
            }

            var whole = InterpolationOnly().Match(literal);
            return whole.Success ? ParseExpression(whole.Groups[1].Value) : new LiteralExpression(TfValue.String(literal));
        }

        return value switch
        {
            "true" => new LiteralExpression(TfValue.Bool(true)),
            "false" => new LiteralExpression(TfValue.Bool(false)),
            "null" => new LiteralExpression(TfValue.Null),
            _ when NumberLiteral().IsMatch(value) => new LiteralExpression(TfValue.Number(value)),
            _ when VariableRef().Match(value) is { Success: true } v => new VariableReference(v.Groups[1].Value),
            _ when ResourceRef().Match(value) is { Success: true } r => new ResourceReference(r.Groups[1].Value, r.Groups[2].Value),
            _ => null,
        };
    }

    /// <summary>A literal for a variable given on the command line: numbers and bools only when so typed.</summary>
    public static TfValue FromCommandLine(string raw, string? type) => type switch
    {
        "number" when NumberLiteral().IsMatch(raw) => TfValue.Number(raw),
        "bool" when raw is "true" or "false" => TfValue.Bool(raw == "true"),
        _ => TfValue.String(raw),
    };

    private static string? ParseQuoted(string value)
    {
        var text = new StringBuilder();
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                continue;
            }

            text.Append(c);
        }

        return null;
    }

    private static string StripTrailingComment(string value)
    {
        var inString = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && inString)
            {
                i++;
            }
            else if (c == '"')
            {
                inString = !inString;
            }
            else if (!inString && (c == '#' || (c == '/' && i + 1 < value.Length && value[i + 1] == '/')))
            {
                return value[..i].TrimEnd();
            }
        }

        return value;
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberLiteral();

    [GeneratedRegex(@"^var\.([A-Za-z_][A-Za-z0-9_-]*)$")]
    private static partial Regex VariableRef();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex ResourceRef();

    [GeneratedRegex(@"^\$\{\s*([^}]+?)\s*\}$")]
    private static partial Regex InterpolationOnly();
}
