using System.Text.RegularExpressions;

namespace IaCBot.Core.Comments;

/// <summary>
/// Moves terraform's change signs to the first column so GitHub's <c>diff</c> highlighting colours them:
/// <c>+</c> and <c>-</c> stay, <c>~</c>, <c>-/+</c> and <c>+/-</c> become <c>!</c> (shown as changed).
/// </summary>
internal static partial class DiffMarkers
{
    public static string Apply(string text) =>
        string.Join('\n', text.Split('\n').Select(ApplyToLine));

    private static string ApplyToLine(string line)
    {
        var match = SignedLine().Match(line);
        if (!match.Success)
        {
            return line;
        }

        var indent = match.Groups["indent"].Value;
        var sign = match.Groups["sign"].Value;
        var marker = sign is "+" or "-" ? sign : "!";
        // Padding keeps the rest of the line in the column it had, so nested blocks stay aligned.
        return marker + indent + new string(' ', sign.Length - 1) + match.Groups["rest"].Value;
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<sign>-/\+|\+/-|[-+~])(?<rest> .*)$")]
    private static partial Regex SignedLine();
}
