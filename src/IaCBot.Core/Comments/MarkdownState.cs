using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace IaCBot.Core.Comments;

/// <summary>
/// What is open at a point of a Markdown document: a fenced code block and the <c>&lt;details&gt;</c> sections
/// around it, so that a cut there can close them and the next part can reopen them.
/// </summary>
/// <param name="FenceOpening">The line that opened the code block, such as <c>```diff</c>, or null outside one.</param>
/// <param name="Details">The summary of each open <c>&lt;details&gt;</c>, outermost first.</param>
internal sealed partial record MarkdownState(string? FenceOpening, ImmutableList<string> Details)
{
    private const int MaxSummaryLength = 100;

    public static MarkdownState Empty { get; } = new(null, []);

    public bool IsEmpty => FenceOpening is null && Details.Count == 0;

    /// <summary>The state after <paramref name="line"/>, read the way CommonMark reads a line at the top level.</summary>
    public MarkdownState Advance(string line)
    {
        var content = line.TrimEnd('\n', '\r');
        if (FenceOpening is not null)
        {
            return ClosesFence(content) ? this with { FenceOpening = null } : this;
        }

        var opening = FenceOpeningLine().Match(content);
        if (opening.Success && !(opening.Groups["fence"].Value[0] == '`' && opening.Groups["info"].Value.Contains('`')))
        {
            return this with { FenceOpening = content };
        }

        return AdvanceDetails(content);
    }

    /// <summary>Text that closes everything open, to end a part. It starts on a new line.</summary>
    public string ClosingText()
    {
        var text = new StringBuilder();
        if (FenceOpening is not null)
        {
            text.Append(Fence).Append('\n');
        }

        for (var i = 0; i < Details.Count; i++)
        {
            text.Append("\n</details>\n");
        }

        return text.ToString();
    }

    /// <summary>Text that reopens everything open, to start the next part where the last one stopped.</summary>
    public string OpeningText()
    {
        var text = new StringBuilder();
        foreach (var summary in Details)
        {
            text.Append($"<details><summary>{summary} (continued)</summary>\n\n");
        }

        if (FenceOpening is not null)
        {
            text.Append(FenceOpening).Append('\n');
        }

        return text.ToString();
    }

    private string Fence => FenceOpeningLine().Match(FenceOpening!).Groups["fence"].Value;

    // A closing fence is a run of the same character at least as long as the opening one, with nothing after it.
    private bool ClosesFence(string content)
    {
        var trimmed = content.TrimStart(' ');
        if (content.Length - trimmed.Length > 3)
        {
            return false;
        }

        var fence = Fence;
        var run = trimmed.Length - trimmed.TrimStart(fence[0]).Length;
        return run >= fence.Length && string.IsNullOrWhiteSpace(trimmed[run..]);
    }

    private MarkdownState AdvanceDetails(string content)
    {
        var details = Details;
        foreach (Match tag in DetailsTag().Matches(content))
        {
            if (tag.Value.StartsWith("</", StringComparison.Ordinal))
            {
                details = details.Count > 0 ? details.RemoveAt(details.Count - 1) : details;
                continue;
            }

            var summary = SummaryTag().Match(content, tag.Index + tag.Length);
            var text = summary.Success ? summary.Groups["text"].Value : "Details";
            details = details.Add(text.Length > MaxSummaryLength ? "Details" : text);
        }

        return details == Details ? this : this with { Details = details };
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex FenceOpeningLine();

    [GeneratedRegex(@"<details(?:\s[^>]*)?>|</details\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex DetailsTag();

    [GeneratedRegex(@"\G\s*<summary>(?<text>.*?)</summary>", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryTag();
}
