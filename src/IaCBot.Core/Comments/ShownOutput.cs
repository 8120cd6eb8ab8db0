using IaCBot.Core.Commands;
using IaCBot.Core.Processes;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Runs;

namespace IaCBot.Core.Comments;

/// <summary>
/// The part of a project's output a reply shows: cleaned for reading, cut to its end when the reply has no room for
/// all of it, and what was left out (by the process runner, the stage or here) with where the whole of it is.
/// </summary>
internal sealed record ShownOutput(string Text, OmittedOutput? Omitted, LogFile? Log)
{
    public static ShownOutput From(ProjectResult result, bool verbose) => new(Clean(result, verbose), result.Omitted, result.Log);

    /// <summary>Keeps the last <paramref name="maxChars"/> characters or fewer, starting at a line's start.</summary>
    public ShownOutput KeepEnd(long maxChars)
    {
        if (Text.Length <= maxChars)
        {
            return this;
        }

        // Cut at the first line start in the window; a window inside one long line is cut mid-line.
        var from = (int)(Text.Length - Math.Max(0, maxChars));
        var newline = Text.IndexOf('\n', from - 1);
        var cut = newline < 0 ? from : newline + 1;
        var dropped = new OmittedOutput(Text.AsSpan(0, cut).Count('\n'), cut);
        return this with { Text = Text[cut..], Omitted = OmittedOutput.Sum(Omitted, dropped) };
    }

    private static string Clean(ProjectResult result, bool verbose)
    {
        if (!verbose && result.Command == CommandKind.Plan)
        {
            return TerraformOutput.TrimPlan(result.Output);
        }

        return TerraformOutput.StripAnsi(result.Output).Trim('\n');
    }
}
