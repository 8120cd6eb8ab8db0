using System.Text;
using IaCBot.Core.Commands;
using IaCBot.Core.Runs;

namespace IaCBot.Core.Comments;

/// <summary>
/// The reply to <c>plan</c> and <c>apply</c>: what ran, one section per project, then a summary. Outputs too long for
/// the reply's comments are cut to their ends, so the summary and the commands to run next always fit.
/// </summary>
internal static class RunReport
{
    public static string Render(CommandKind command, string commandName, IReadOnlyList<ProjectResult> results, bool verbose, CommentLimits limits)
    {
        if (results.Count == 0)
        {
            return $"Ran {Verb(command)}, but no project was affected, so there was nothing to do.\n";
        }

        var outputs = results.Select(r => ShownOutput.From(r, verbose)).ToList();
        var bare = Write(command, commandName, results, outputs.Select(o => o with { Text = "" }).ToList()).Length;
        if (bare + outputs.Sum(o => (long)o.Text.Length) <= limits.ReplyBudget)
        {
            var whole = Write(command, commandName, results, outputs);
            if (whole.Length <= limits.ReplyBudget)
            {
                return whole;
            }
        }

        var shares = OutputBudget.Share(outputs.Select(o => (long)o.Text.Length).ToList(), limits.ReplyBudget - bare);
        return Write(command, commandName, results, outputs.Select((o, i) => o.KeepEnd(shares[i])).ToList());
    }

    private static string Write(CommandKind command, string commandName, IReadOnlyList<ProjectResult> results, IReadOnlyList<ShownOutput> outputs)
    {
        var verb = Verb(command);
        var text = new StringBuilder($"Ran {verb} for {Plural(results.Count, "project")}:\n\n");
        for (var i = 0; i < results.Count; i++)
        {
            text.Append($"{i + 1}. {ProjectLabel.Describe(results[i].Project)}\n");
        }

        for (var i = 0; i < results.Count; i++)
        {
            text.Append("\n---\n\n");
            ProjectSection.Write(text, i + 1, results[i], outputs[i], commandName);
        }

        text.Append("\n---\n\n");
        WriteSummary(text, command, commandName, results);
        return text.ToString();
    }

    private static void WriteSummary(StringBuilder text, CommandKind command, string commandName, IReadOnlyList<ProjectResult> results)
    {
        int Count(ProjectOutcome outcome) => results.Count(r => r.Outcome == outcome);

        var counts = command switch
        {
            CommandKind.Plan => [$"{Count(ProjectOutcome.PlannedChanges)} with changes", $"{Count(ProjectOutcome.PlannedNoChanges)} unchanged"],
            CommandKind.Import => [$"{Count(ProjectOutcome.Applied)} imported"],
            CommandKind.StateRm => [$"{Count(ProjectOutcome.Applied)} removed from the state"],
            _ => new List<string> { $"{Count(ProjectOutcome.Applied)} applied" },
        };
        counts.Add($"{Count(ProjectOutcome.Failed)} failed");
        counts.Add($"{Count(ProjectOutcome.Locked)} locked");
        if (Count(ProjectOutcome.Refused) > 0)
        {
            counts.Add($"{Count(ProjectOutcome.Refused)} not run");
        }

        var title = char.ToUpperInvariant(Verb(command)[0]) + Verb(command)[1..] + " summary";
        text.Append($"**{title}:** {Plural(results.Count, "project")}: {string.Join(", ", counts)}.\n");
        if (command == CommandKind.Plan && Count(ProjectOutcome.PlannedChanges) > 0)
        {
            text.Append('\n');
            text.Append($"* To apply every plan of this pull request, comment {MarkdownText.Code($"{commandName} apply")}\n");
            text.Append($"* To discard them all and release their locks, comment {MarkdownText.Code($"{commandName} unlock")}\n");
        }
    }

    public static string Verb(CommandKind command) => command switch
    {
        CommandKind.Apply => "apply",
        CommandKind.Import => "import",
        CommandKind.StateRm => "state rm",
        _ => "plan",
    };

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
