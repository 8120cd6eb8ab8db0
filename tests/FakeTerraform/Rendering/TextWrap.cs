using System.Text;

namespace FakeTerraform.Rendering;

/// <summary>Terraform's word wrapping (format.WordWrap over mitchellh/go-wordwrap).</summary>
internal static class TextWrap
{
    /// <summary>
    /// Terraform never sees a terminal when a bot runs it, and then takes 78 columns for stdout and stderr.
    /// </summary>
    public const int Columns = 78;

    /// <summary>format.WordWrap: each line that does not start with a space is wrapped to width - 1.</summary>
    public static string WordWrap(string text, int width = Columns)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Select(line => line.StartsWith(' ') ? line : Wrap(line, width - 1)));
    }

    /// <summary>go-wordwrap's WrapString: greedy, breaking only at spaces; a long word stays whole.</summary>
    public static string Wrap(string line, int limit)
    {
        var result = new StringBuilder(line.Length + 8);
        var current = 0;
        var first = true;
        foreach (var word in line.Split(' '))
        {
            if (!first && current + 1 + word.Length > limit)
            {
                result.Append('\n');
                current = 0;
            }
            else if (!first)
            {
                result.Append(' ');
                current++;
            }

            result.Append(word);
            current += word.Length;
            first = false;
        }

        return result.ToString();
    }
}
