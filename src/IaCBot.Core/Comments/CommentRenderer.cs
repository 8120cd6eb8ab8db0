using System.Diagnostics.CodeAnalysis;
using System.Text;
using IaCBot.Core.Commands;
using IaCBot.Core.Locking;
using IaCBot.Core.Runs;

namespace IaCBot.Core.Comments;

/// <summary>Turns command results into the Markdown that IaCBot posts on a pull request.</summary>
/// <param name="limits">How much a reply may take; <see cref="CommentLimits.Default"/> when not given.</param>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service, injected where comments are posted.")]
public sealed class CommentRenderer(CommentLimits? limits = null)
{
    private readonly CommentLimits _limits = limits ?? CommentLimits.Default;

    /// <summary>The reply to <c>plan</c>, <c>apply</c>, <c>import</c> or <c>state rm</c>.</summary>
    /// <param name="commandName">The word users type, such as <c>iacbot</c> or <c>atlantis</c>, used in the commands the reply suggests.</param>
    /// <param name="verbose">Keep terraform's whole output instead of dropping refresh lines and the saved-plan notice.</param>
    public string RenderRun(CommandKind command, string commandName, IReadOnlyList<ProjectResult> results, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (command is not (CommandKind.Plan or CommandKind.Apply or CommandKind.Import or CommandKind.StateRm))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, "Only plan, apply, import and state rm produce per-project results.");
        }

        return RunReport.Render(command, commandName, results, verbose, _limits);
    }

    /// <summary>The reply to a comment that addressed IaCBot but could not be understood.</summary>
    /// <param name="usage">Markdown that explains the commands, shown after the error.</param>
    public string RenderInvalidCommand(string error, string usage)
    {
        var text = new StringBuilder(":warning: **That command could not be run.**\n\n");
        // The error may quote the user's comment; a code block keeps its Markdown and @mentions inert.
        text.Append(MarkdownText.Fence(error)).Append('\n');
        text.Append(usage.TrimEnd('\n')).Append('\n');
        return text.ToString();
    }

    /// <summary>The reply to <c>unlock</c>: which plans were discarded and locks released, or that there were none.</summary>
    public string RenderUnlocked(string commandName, IReadOnlyList<ProjectLock> released)
    {
        ArgumentNullException.ThrowIfNull(released);
        if (released.Count == 0)
        {
            return "Nothing to discard: this pull request holds no plans or locks.\n";
        }

        var text = new StringBuilder(
            $":unlock: Discarded the plans and released the locks of {RunReport.Plural(released.Count, "project")}:\n\n");
        AppendLocks(text, released);
        text.Append($"\nTo plan again, comment {MarkdownText.Code($"{commandName} plan")}.\n");
        return text.ToString();
    }

    /// <summary>The note posted when an operator frees one of the PR's locks from the web UI or the admin API.</summary>
    /// <param name="by">Who did, as the UI or API knows them.</param>
    /// <param name="via">Where: <c>web UI</c> or <c>API</c>.</param>
    public string RenderLockDiscarded(ProjectLock released, string by, string via, string commandName)
    {
        ArgumentNullException.ThrowIfNull(released);
        var text = new StringBuilder($":unlock: {MarkdownText.Code(by)} discarded this plan and released its lock through IaCBot's {via}:\n\n");
        AppendLocks(text, [released]);
        text.Append($"\nTo plan it again, comment {MarkdownText.Code($"{commandName} plan")}.\n");
        return text.ToString();
    }

    /// <summary>The note posted when a pull request is merged or closed; empty when it held nothing, so nothing is posted.</summary>
    public string RenderPullClosed(IReadOnlyList<ProjectLock> released)
    {
        ArgumentNullException.ThrowIfNull(released);
        if (released.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder(
            $"This pull request is closed, so its locks were released and its plans deleted for {RunReport.Plural(released.Count, "project")}:\n\n");
        AppendLocks(text, released);
        return text.ToString();
    }

    /// <summary>The reply when something broke while a user was waiting, such as a failed clone or an invalid repo config.</summary>
    /// <param name="details">Text shown in a code block under the headline, such as a parser's error.</param>
    public string RenderFailure(string headline, string? details)
    {
        var text = new StringBuilder($":x: **{headline.Trim()}**\n");
        if (!string.IsNullOrWhiteSpace(details))
        {
            text.Append('\n').Append(MarkdownText.Fence(TerraformOutput.StripAnsi(details).Trim('\n')));
        }

        return text.ToString();
    }

    private static void AppendLocks(StringBuilder text, IReadOnlyList<ProjectLock> locks)
    {
        foreach (var held in locks)
        {
            text.Append($"* {ProjectLabel.Describe(held)}\n");
        }
    }
}
