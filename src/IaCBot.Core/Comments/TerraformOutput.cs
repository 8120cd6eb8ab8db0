using System.Text.RegularExpressions;

namespace IaCBot.Core.Comments;

/// <summary>Cleans terraform's console output for a PR comment and reads its summary line.</summary>
public static partial class TerraformOutput
{
    /// <summary>Removes every ANSI escape sequence (colours, cursor moves, OSC hyperlinks and titles) and unifies line ends.</summary>
    public static string StripAnsi(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = EscapeSequence().Replace(output, "");
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }

    /// <summary>
    /// The line that sums up a plan or apply (<c>Plan: 1 to add, 0 to change, 0 to destroy.</c>,
    /// <c>No changes. ...</c>, <c>Apply complete! Resources: ...</c>), or null when the output has none.
    /// </summary>
    public static string? FindSummary(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? summary = null;
        foreach (var line in StripAnsi(output).Split('\n'))
        {
            var trimmed = line.Trim();
            if (SummaryLine().IsMatch(trimmed))
            {
                summary = trimmed;
            }
        }

        return summary;
    }

    /// <summary>
    /// Drops what a reviewer does not need from a plan: refresh and data-read progress lines, leading blank lines,
    /// and the closing "Saved the plan to" block, which names a command users never run (they apply by comment).
    /// </summary>
    public static string TrimPlan(string output)
    {
        var lines = StripAnsi(output).Split('\n').Where(line => !ProgressLine().IsMatch(line)).ToList();
        lines = lines.SkipWhile(string.IsNullOrWhiteSpace).ToList();
        var tail = SavedPlanTailStart(lines);
        if (tail >= 0)
        {
            lines.RemoveRange(tail, lines.Count - tail);
        }

        TrimTrailingBlankLines(lines);
        return string.Join('\n', lines);
    }

    private static int SavedPlanTailStart(List<string> lines)
    {
        var saved = lines.FindLastIndex(line => line.StartsWith("Saved the plan to:", StringComparison.Ordinal));
        if (saved < 0 || !lines.Skip(saved + 1).All(IsSavedPlanTail))
        {
            return -1;
        }

        var before = saved - 1;
        while (before >= 0 && string.IsNullOrWhiteSpace(lines[before]))
        {
            before--;
        }

        return before >= 0 && IsSeparator(lines[before]) ? before : saved;
    }

    private static bool IsSavedPlanTail(string line) =>
        string.IsNullOrWhiteSpace(line)
        || line.StartsWith("To perform exactly these actions", StringComparison.Ordinal)
        || line.TrimStart().StartsWith("terraform apply ", StringComparison.Ordinal)
        || line.TrimStart().StartsWith("tofu apply ", StringComparison.Ordinal);

    private static bool IsSeparator(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= 3 && trimmed.All(c => c == '─');
    }

    private static void TrimTrailingBlankLines(List<string> lines)
    {
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    // CSI (7- and 8-bit), OSC up to BEL/ST (or the end of the line when unterminated), DCS/SOS/PM/APC strings,
    // then any other two- or three-byte escape such as ESC ( B. See ECMA-48 and https://en.wikipedia.org/wiki/ANSI_escape_code.
    [GeneratedRegex(@"(?:\x1B\[|\x9B)[0-?]*[ -/]*[@-~]|(?:\x1B\]|\x9D)[^\x07\x1B\x9C\n]*(?:\x07|\x1B\\|\x9C)?|\x1B[PX^_][^\x1B\x9C]*(?:\x1B\\|\x9C)?|\x1B[ -/]*[0-~]?")]
    private static partial Regex EscapeSequence();

    [GeneratedRegex(@"^(?:Plan: (?:\d+ to \w+, )*\d+ to \w+\.|No changes\..*|(?:Apply|Destroy) complete! Resources: .+)$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\S.*: (?:Refreshing state\.\.\.|Reading\.\.\.|Read complete after )")]
    private static partial Regex ProgressLine();
}
