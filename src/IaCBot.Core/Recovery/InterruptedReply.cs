using System.Text;
using IaCBot.Core.Comments;
using IaCBot.Core.Locking;
using IaCBot.Core.Storage;

namespace IaCBot.Core.Recovery;

/// <summary>What IaCBot tells a pull request about a run that a stop of the server cut short.</summary>
internal static class InterruptedReply
{
    private const int LongestCommandShown = 100;

    public static string PlanAgain(JobRun run, string commandName)
    {
        var what = run.Kind == JobKind.Autoplan ? "planning this pull request" : $"running {Shown(run.Command)}";
        return $":warning: **IaCBot was stopped while it was {what}, so that plan did not finish.**\n\n"
            + "A plan changes nothing, so IaCBot is planning again now; the new plan will be posted here. "
            + $"Comment {MarkdownText.Code($"{commandName} plan")} if it does not appear.\n";
    }

    public static string AskAgain(JobRun run) =>
        $":warning: **IaCBot was stopped while it was answering {Shown(run.Command)}, and did not finish.** "
        + "Comment it again if you still need the answer.\n";

    /// <param name="held">The locks the pull request still holds.</param>
    /// <param name="discarded">The plans the run covered, now deleted.</param>
    /// <param name="kept">The pull request's other plans, still saved.</param>
    public static string ChangeNotRepeated(
        JobRun run, string commandName, IReadOnlyList<ProjectLock> held, IReadOnlyList<PlanRecord> discarded, IReadOnlyList<PlanRecord> kept)
    {
        var isApply = run.Kind == JobKind.Apply;
        var text = new StringBuilder(
            $":warning: **IaCBot was stopped while it was running {Shown(run.Command)}, and did not run it again.**\n\n");
        text.Append(isApply
            ? "An apply that is cut short may have changed some resources and not others, and terraform may have been "
              + "killed before it saved what it did to the state. IaCBot never repeats one without a person looking first.\n\n"
            : "The command may or may not have changed the state before it was stopped. IaCBot never repeats it "
              + "without a person looking first.\n\n");

        text.Append("**What IaCBot kept**\n\n");
        AppendList(text, "Locks still held by this pull request (no other pull request can plan these meanwhile):",
            held.Select(ProjectLabel.Describe), "This pull request holds no locks.");
        AppendList(text, "Plans still saved, not part of this command:", kept.Select(p => ProjectLabel.Describe(p.Project)), null);
        AppendList(text, "Plans discarded, since the state may have changed under them:",
            discarded.Select(p => ProjectLabel.Describe(p.Project)), "No saved plan was discarded.");

        text.Append("\n**What to check**\n\n");
        text.Append(isApply
            ? "1. What the apply did: `terraform plan` (or `terraform state list`) where the project's state is shows "
              + "which changes are in the state and which are still to make. Look for resources that were created "
              + "but are not in the state, as a killed terraform may leave some.\n"
            : "1. Whether the change is in the state: `terraform state list` where the project's state is shows "
              + "whether the address is there.\n");
        text.Append("2. Whether the state backend still holds terraform's lock: if it does and no terraform is "
            + "running, release it with `terraform force-unlock LOCK_ID`.\n");

        text.Append("\n**What to do next**\n\n");
        if (!isApply)
        {
            text.Append($"* If the change is not in the state, comment {Shown(run.Command)} again.\n");
        }

        text.Append($"* Comment {MarkdownText.Code($"{commandName} plan")} to plan from the state as it is now, check the plan");
        text.Append(isApply ? $", then comment {MarkdownText.Code($"{commandName} apply")} to finish.\n" : ".\n");
        text.Append($"* Or comment {MarkdownText.Code($"{commandName} unlock")} to discard the plans and release the locks.\n");
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string heading, IEnumerable<string> items, string? whenEmpty)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            if (whenEmpty is not null)
            {
                text.Append($"* {whenEmpty}\n");
            }

            return;
        }

        text.Append($"* {heading}\n");
        foreach (var item in list)
        {
            text.Append($"  * {item}\n");
        }
    }

    /// <summary>The command as inline code, cut to one short line: it is the user's text, quoted back.</summary>
    private static string Shown(string command)
    {
        var line = command.Trim().Split('\n')[0].Trim();
        return MarkdownText.Code(line.Length > LongestCommandShown ? line[..LongestCommandShown] + "…" : line);
    }
}
