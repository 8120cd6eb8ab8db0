using System.Text;
using System.Text.RegularExpressions;

namespace FakeTerraform.Rendering;

/// <summary>
/// Terraform's colour markup ("[bold]", "[green]", "[reset]") turned into ANSI codes the way the
/// mitchellh/colorstring package does it: unknown tags stay as text, and a string that used any colour gets a
/// trailing reset. With -no-color the tags are removed and nothing is added.
/// </summary>
internal sealed partial class Colorizer(bool enabled)
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = "39",
        ["black"] = "30",
        ["red"] = "31",
        ["green"] = "32",
        ["yellow"] = "33",
        ["blue"] = "34",
        ["magenta"] = "35",
        ["cyan"] = "36",
        ["light_gray"] = "37",
        ["dark_gray"] = "90",
        ["white"] = "97",
        ["bold"] = "1",
        ["dim"] = "2",
        ["underline"] = "4",
        ["invert"] = "7",
        ["reset"] = "0",
        ["reset_bold"] = "21",
    };

    public bool Enabled { get; } = enabled;

    public string Color(string markup)
    {
        var result = new StringBuilder(markup.Length + 16);
        var colored = false;
        var last = 0;
        foreach (Match tag in Tag().Matches(markup))
        {
            result.Append(markup, last, tag.Index - last);
            last = tag.Index + tag.Length;
            if (Codes.TryGetValue(tag.Value[1..^1], out var code))
            {
                colored = true;
                result.Append(Enabled ? $"\u001b[{code}m" : "");
            }
            else
            {
                result.Append(tag.Value);
            }
        }

        result.Append(markup, last, markup.Length - last);
        if (colored && Enabled)
        {
            result.Append("\u001b[0m");
        }

        return result.ToString();
    }

    [GeneratedRegex(@"\[[a-z0-9_-]+\]", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();
}
