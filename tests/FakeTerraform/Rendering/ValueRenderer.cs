using System.Globalization;
using System.Text;
using FakeTerraform.Config;
using FakeTerraform.Planning;

namespace FakeTerraform.Rendering;

/// <summary>How terraform's plan renderer prints one primitive attribute or output change.</summary>
internal static class ValueRenderer
{
    public static string Change(ChangeAction action, TfValue? before, TfValue? after, Colorizer color)
    {
        if (before?.Sensitive == true || after?.Sensitive == true)
        {
            return "(sensitive value)" + NullSuffix(action, color);
        }

        if (after is { IsKnown: false })
        {
            return action == ChangeAction.Create ? "(known after apply)" : $"{Value(before, color)} -> (known after apply)";
        }

        return action switch
        {
            ChangeAction.Create => Value(after, color),
            ChangeAction.Delete => Value(before, color) + NullSuffix(action, color),
            ChangeAction.NoOp => Value(before, color),
            _ => $"{Value(before, color)} {color.Color("[yellow]->[reset]")} {Value(after, color)}",
        };
    }

    public static string Value(TfValue? value, Colorizer color) => value?.Kind switch
    {
        ValueKind.String => Quote(value.Text),
        ValueKind.Number or ValueKind.Bool => value.Text,
        ValueKind.Unknown => "(known after apply)",
        _ => color.Color("[dark_gray]null[reset]"),
    };

    /// <summary>Go's strconv.Quote, plus HCL's escaping of template sequences as terraform renders strings.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString().Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);
    }

    private static string NullSuffix(ChangeAction action, Colorizer color) =>
        action == ChangeAction.Delete ? color.Color(" [dark_gray]-> null[reset]") : "";
}
