using System.Globalization;
using System.Text;
using IaCBot.Core.Commands;
using IaCBot.Core.Locking;
using IaCBot.Core.Runs;

namespace IaCBot.Core.Comments;

/// <summary>One project's part of a plan or apply reply: a heading, what happened, the output and what to do next.</summary>
internal static class ProjectSection
{
    /// <summary>Failure output up to this many lines is shown open; longer output is collapsed.</summary>
    private const int ShortOutputLines = 30;

    /// <param name="output">The part of the result's output to show, cleaned.</param>
    public static void Write(StringBuilder text, int number, ProjectResult result, ShownOutput output, string commandName)
    {
        text.Append($"### {number}. {ProjectLabel.Describe(result.Project)}\n\n");
        switch (result.Outcome)
        {
            case ProjectOutcome.PlannedChanges or ProjectOutcome.PlannedNoChanges:
                WritePlanned(text, result, output, commandName);
                break;
            case ProjectOutcome.Applied:
                WriteApplied(text, result, output);
                break;
            case ProjectOutcome.Failed:
                WriteFailed(text, result, output, commandName);
                break;
            case ProjectOutcome.Locked:
                WriteLocked(text, result, commandName);
                break;
            default:
                text.Append($":no_entry_sign: **Not run.** {result.Message ?? "IaCBot declined to run this command."}\n");
                break;
        }
    }

    private static void WritePlanned(StringBuilder text, ProjectResult result, ShownOutput output, string commandName)
    {
        var fallback = result.Outcome == ProjectOutcome.PlannedChanges ? "The plan shows changes." : "No changes.";
        text.Append($"**{SummaryOf(result) ?? fallback}**\n\n");
        WriteCollapsedOutput(text, "Show plan", output);
        var target = ProjectLabel.Target(result.Project);
        text.Append($"* To apply this plan, comment {MarkdownText.Code($"{commandName} apply {target}")}\n");
        text.Append($"* To discard all plans of this pull request and release their locks, comment {MarkdownText.Code($"{commandName} unlock")}\n");
    }

    private static void WriteApplied(StringBuilder text, ProjectResult result, ShownOutput output)
    {
        var done = result.Command switch
        {
            CommandKind.Import => "Import successful.",
            CommandKind.StateRm => "Removed from the state.",
            _ => "Apply complete.",
        };
        text.Append($":white_check_mark: **{SummaryOf(result) ?? done}**\n\n");
        if (!string.IsNullOrWhiteSpace(result.Message))
        {
            text.Append(result.Message).Append("\n\n");
        }

        WriteCollapsedOutput(text, "Show output", output);
    }

    private static void WriteFailed(StringBuilder text, ProjectResult result, ShownOutput shown, string commandName)
    {
        var what = $"The {RunReport.Verb(result.Command)} failed.";
        text.Append($":x: **{what}**");
        text.Append(string.IsNullOrWhiteSpace(result.Message) ? "\n\n" : $" {result.Message}\n\n");
        OutputNote.Write(text, shown);
        var output = shown.Text;
        if (output.Length > 0)
        {
            var block = MarkdownText.Fence(output);
            var lines = output.Count(c => c == '\n') + 1;
            text.Append(lines <= ShortOutputLines ? block : MarkdownText.Details($"Show output ({lines} lines)", block));
            text.Append('\n');
        }

        var replan = $"{commandName} plan {ProjectLabel.Target(result.Project)}";
        text.Append($"Once it is fixed, comment {MarkdownText.Code(replan)} to plan again.\n");
    }

    private static void WriteLocked(StringBuilder text, ProjectResult result, string commandName)
    {
        if (result.LockHolder is not { } holder)
        {
            text.Append(":lock: **Not run: another pull request holds the lock on this directory and workspace.**");
            text.Append(string.IsNullOrWhiteSpace(result.Message) ? "\n" : $" {result.Message}\n");
            return;
        }

        var pull = holder.Pull.ShortReference;
        text.Append($":lock: **Not run: {pull} holds the lock on this directory and workspace.**\n\n");
        text.Append($"{MarkdownText.Code(holder.User)} has held it since {Since(holder)}. ");
        text.Append($"To free it, apply or close {pull}, or comment {MarkdownText.Code($"{commandName} unlock")} on {pull}.\n");
    }

    private static void WriteCollapsedOutput(StringBuilder text, string summary, ShownOutput output)
    {
        OutputNote.Write(text, output);
        if (output.Text.Length == 0)
        {
            return;
        }

        text.Append(MarkdownText.Details(summary, MarkdownText.Fence(DiffMarkers.Apply(output.Text), "diff"))).Append('\n');
    }

    private static string? SummaryOf(ProjectResult result) =>
        string.IsNullOrWhiteSpace(result.Summary) ? TerraformOutput.FindSummary(result.Output) : result.Summary.Trim();

    private static string Since(ProjectLock holder) =>
        holder.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
